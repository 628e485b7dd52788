package dev.enlace.connector.insales.client;

import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Variant quantity writes of one shop, sent together through {@code variants_group_update}.
 * With 500 calls per 5 minutes, one call per variant would take hours for a large catalogue;
 * here writes that arrive while a call is waiting for its slot or in flight go out in the
 * next call, up to 100 at a time. A variant written twice before its call leaves is sent
 * once, with the latest value, and both writers learn the outcome of that call.
 */
@ApplicationScoped
public class InsalesStockWrites {
    private final InsalesClients clients;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    public InsalesStockWrites(InsalesClients clients) {
        this.clients = clients;
    }

    /** @param quantity null makes the variant sell without a stock limit */
    public Uni<Void> write(Connection connection, long variantId, Integer quantity) {
        Queue queue = queues.computeIfAbsent(InsalesClients.account(connection) + "#" + connection.secret("password"),
                k -> new Queue());
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (queue) {
                Pending pending = queue.waiting.computeIfAbsent(variantId, id -> new Pending());
                pending.quantity = quantity;
                pending.writers.add(emitter);
                start = !queue.sending;
                queue.sending = true;
            }
            if (start) {
                sendNext(connection, queue);
            }
        });
    }

    private static final class Queue {
        final Map<Long, Pending> waiting = new LinkedHashMap<>();
        boolean sending;
    }

    private static final class Pending {
        Integer quantity;
        final List<UniEmitter<? super Void>> writers = new ArrayList<>();
    }

    private void sendNext(Connection connection, Queue queue) {
        Map<Long, Pending> batch = new LinkedHashMap<>();
        synchronized (queue) {
            var it = queue.waiting.entrySet().iterator();
            while (it.hasNext() && batch.size() < InsalesClients.GROUP_UPDATE_MAX) {
                var e = it.next();
                batch.put(e.getKey(), e.getValue());
                it.remove();
            }
            if (batch.isEmpty()) {
                queue.sending = false;
                return;
            }
        }
        List<InsalesVariant.QuantityUpdate> lines = batch.entrySet().stream()
                .map(e -> new InsalesVariant.QuantityUpdate(e.getKey(), e.getValue().quantity)).toList();
        clients.call(connection, "update variant quantities", true,
                        api -> api.updateVariants(new InsalesVariant.GroupUpdate(lines)))
                .subscribe().with(statuses -> {
                    Map<Long, InsalesVariant.Status> byId = new LinkedHashMap<>();
                    statuses.forEach(s -> byId.put(s.id(), s));
                    batch.forEach((id, pending) -> {
                        InsalesVariant.Status status = byId.get(id);
                        if (status != null && status.ok()) {
                            pending.writers.forEach(w -> w.complete(null));
                        } else {
                            // 404: the variant is gone from the shop
                            int code = status != null && String.valueOf(status.errors()).contains("Not found") ? 404 : 422;
                            ExternalApiException failure = new ExternalApiException(InsalesClients.SYSTEM, code,
                                    "variant " + id + ": " + (status == null ? "no status in the answer" : status.errors()), null);
                            pending.writers.forEach(w -> w.fail(failure));
                        }
                    });
                    sendNext(connection, queue);
                }, failure -> {
                    batch.values().forEach(p -> p.writers.forEach(w -> w.fail(failure)));
                    sendNext(connection, queue);
                });
    }
}

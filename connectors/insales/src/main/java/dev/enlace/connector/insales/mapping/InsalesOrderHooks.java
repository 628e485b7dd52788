package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.connector.insales.client.InsalesWebhook;
import dev.enlace.platform.connectors.StoreOrderHooks;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OP4: subscribes the shop to {@code orders/create} and {@code orders/update} through
 * {@code POST /webhooks.json}, in JSON, at the tenant's URL plus its secret {@code webhookToken} segment
 * (inSales signs nothing). Subscriptions already there are kept.
 */
@ApplicationScoped
public class InsalesOrderHooks implements StoreOrderHooks {
    static final List<String> TOPICS = List.of("orders/create", "orders/update");

    private final InsalesClients clients;

    public InsalesOrderHooks(InsalesClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public Uni<Integer> ensureOrderHooks(Connection store, String url) {
        String address = url.replaceAll("/+$", "") + "/" + store.secret("webhookToken");
        return clients.call(store, "list webhooks", true, api -> api.webhooks()).chain(existing -> {
            Set<String> present = existing.stream().filter(w -> address.equals(w.address()))
                    .map(InsalesWebhook::topic).collect(Collectors.toSet());
            List<String> missing = TOPICS.stream().filter(topic -> !present.contains(topic)).toList();
            return Multi.createFrom().iterable(missing)
                    .onItem().transformToUniAndConcatenate(topic -> clients.call(store, "create webhook", false,
                            api -> api.createWebhook(new InsalesWebhook.Wrapped(new InsalesWebhook(null, address, topic, "json")))))
                    .collect().asList()
                    .map(List::size);
        });
    }
}

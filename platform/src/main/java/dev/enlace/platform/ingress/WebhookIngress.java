package dev.enlace.platform.ingress;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.Vertx;
import dev.enlace.platform.persistence.StatementBatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Receives a webhook: checks size, tenant and sender, parses it, stores it in the inbox
 * (unique per delivery) and answers at once; {@link InboxProcessor} does the work later.
 * A refused request is stored nowhere.
 */
@ApplicationScoped
public class WebhookIngress {

    /** What the caller is told; redeliveries are answered 200 so the sender stops retrying. */
    public enum Outcome { ACCEPTED, DUPLICATE, IGNORED }

    /** Payloads are at most {@code max-body-bytes}: a batch stays within a few megabytes. */
    private static final int BATCH_ROWS = 100;

    private final TenantRegistry tenants;
    private final Map<String, WebhookSource> sources;
    /** Resolved once: looking them up per request showed in the profile at a thousand webhooks a second. */
    private final List<WebhookHandler> handlers;
    private final Pool pool;
    private final MeterRegistry metrics;
    private final int maxBodyBytes;
    /** One per conflict target, as a statement can have only one. */
    private final StatementBatcher<Stored, Boolean> byDeliveryKey;
    private final StatementBatcher<Stored, Boolean> byCoalesceKey;

    /**
     * @param linger how long a webhook may wait for others to be stored with it in one statement (the sender
     *               waits that much longer for its answer)
     */
    public WebhookIngress(TenantRegistry tenants, Instance<WebhookSource> sources, Instance<WebhookHandler> handlers,
            Pool pool, MeterRegistry metrics, Vertx vertx,
            @ConfigProperty(name = "enlace.ingress.max-body-bytes", defaultValue = "1048576") int maxBodyBytes,
            @ConfigProperty(name = "enlace.ingress.linger", defaultValue = "PT0.005S") Duration linger) {
        this.tenants = tenants;
        this.sources = sources.stream().collect(Collectors.toMap(WebhookSource::system, Function.identity()));
        this.handlers = handlers.stream().toList();
        this.pool = pool;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.byDeliveryKey = new StatementBatcher<>(vertx, linger, BATCH_ROWS, rows -> insert(rows, "delivery_key",
                "(system, tenant, delivery_key) WHERE coalesce_key IS NULL"));
        this.byCoalesceKey = new StatementBatcher<>(vertx, linger, BATCH_ROWS, rows -> insert(rows, "coalesce_key",
                "(system, tenant, coalesce_key) WHERE status = 'PENDING'"));
    }

    public Uni<Outcome> receive(WebhookRequest request) {
        if (request.body() == null || request.body().length == 0) {
            throw count(request, ApiException.badRequest("empty body"));
        }
        if (request.body().length > maxBodyBytes) {
            throw count(request, ApiException.tooLarge("body of " + request.body().length + " bytes is over the "
                    + maxBodyBytes + "-byte limit"));
        }
        WebhookSource source = sources.get(request.system());
        if (source == null) {
            throw count(request, ApiException.notFound("no webhooks are taken from system '" + request.system() + "'"));
        }
        Tenant tenant = tenants.find(request.tenantId())
                .orElseThrow(() -> count(request, ApiException.notFound("unknown tenant '" + request.tenantId() + "'")));
        Connection connection = connectionOf(tenant, request.system())
                .orElseThrow(() -> count(request, ApiException.notFound(
                        "tenant '" + tenant.id() + "' has no " + request.system() + " connection")));
        WebhookDelivery delivery;
        try {
            source.verify(connection, request);
            delivery = source.parse(connection, request);
        } catch (ApiException e) {
            throw count(request, e);
        }
        if (!handled(request.system(), delivery.topic())) {
            return Uni.createFrom().item(counted(request, Outcome.IGNORED));
        }
        Stored row = new Stored(request.system(), tenant.id(), delivery);
        return (delivery.coalesceKey() == null ? byDeliveryKey : byCoalesceKey).add(row)
                .map(inserted -> counted(request, inserted ? Outcome.ACCEPTED : Outcome.DUPLICATE));
    }

    /** A delivery to store, and the key that makes it unique: its own, or the pointer it coalesces by. */
    private record Stored(String system, String tenant, WebhookDelivery delivery) {
        String uniqueKey() {
            return delivery.coalesceKey() == null ? delivery.deliveryKey() : delivery.coalesceKey();
        }
    }

    /**
     * Inserts a batch with one statement; a row is new (true) unless an earlier row with its key is already
     * stored: a redelivery, or a pointer that coalesces into one waiting; of two in one batch, the first is new.
     */
    private Uni<List<Boolean>> insert(List<Stored> rows, String uniqueColumn, String conflict) {
        int n = rows.size();
        String[][] columns = new String[7][n];
        for (int i = 0; i < n; i++) {
            Stored r = rows.get(i);
            String[] values = {r.system(), r.tenant(), r.delivery().deliveryKey(), r.delivery().coalesceKey(),
                    r.delivery().topic(), r.delivery().partitionKey(), r.delivery().payload()};
            for (int c = 0; c < 7; c++) {
                columns[c][i] = values[c];
            }
        }
        return pool.preparedQuery("INSERT INTO webhook_inbox (system, tenant, delivery_key, coalesce_key, topic,"
                        + " partition_key, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                        + " $5::text[], $6::text[], $7::text[]) ON CONFLICT " + conflict + " DO NOTHING"
                        + " RETURNING system, tenant, " + uniqueColumn + " AS unique_key")
                .execute(Tuple.tuple(List.of((Object[]) columns)))
                .map(inserted -> {
                    Set<List<String>> fresh = new HashSet<>();
                    inserted.forEach(r -> fresh.add(List.of(r.getString("system"), r.getString("tenant"),
                            r.getString("unique_key"))));
                    List<Boolean> answers = new ArrayList<>(n);
                    rows.forEach(r -> answers.add(fresh.remove(List.of(r.system(), r.tenant(), r.uniqueKey()))));
                    return answers;
                });
    }

    /** The status {@link Outcome#ACCEPTED} is answered with for this system (see {@link WebhookSource#acceptedStatus()}). */
    public int acceptedStatus(String system) {
        WebhookSource source = sources.get(system);
        return source == null ? 202 : source.acceptedStatus();
    }

    private boolean handled(String system, String topic) {
        return handlers.stream().anyMatch(h -> h.handles(system, topic));
    }

    private static java.util.Optional<Connection> connectionOf(Tenant tenant, String system) {
        return Stream.of(tenant.store(), tenant.erp(), tenant.crm())
                .filter(c -> c != null && system.equals(c.system()))
                .findFirst();
    }

    private Outcome counted(WebhookRequest request, Outcome outcome) {
        metrics.counter("enlace.webhooks.received", "system", request.system(),
                "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return outcome;
    }

    private ApiException count(WebhookRequest request, ApiException e) {
        metrics.counter("enlace.webhooks.received", "system", request.system(),
                "outcome", "refused-" + e.status()).increment();
        return e;
    }
}

package dev.enlace.platform.ingress;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
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

    private final TenantRegistry tenants;
    private final Map<String, WebhookSource> sources;
    /** Resolved once: looking them up per request showed in the profile at a thousand webhooks a second. */
    private final List<WebhookHandler> handlers;
    private final Pool pool;
    private final MeterRegistry metrics;
    private final int maxBodyBytes;

    public WebhookIngress(TenantRegistry tenants, Instance<WebhookSource> sources, Instance<WebhookHandler> handlers,
            Pool pool, MeterRegistry metrics,
            @ConfigProperty(name = "enlace.ingress.max-body-bytes", defaultValue = "1048576") int maxBodyBytes) {
        this.tenants = tenants;
        this.sources = sources.stream().collect(Collectors.toMap(WebhookSource::system, Function.identity()));
        this.handlers = handlers.stream().toList();
        this.pool = pool;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
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
        String conflict = delivery.coalesceKey() == null
                ? "(system, tenant, delivery_key) WHERE coalesce_key IS NULL"
                : "(system, tenant, coalesce_key) WHERE status = 'PENDING'";
        return pool.preparedQuery("INSERT INTO webhook_inbox (system, tenant, delivery_key, coalesce_key, topic,"
                        + " partition_key, payload) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT " + conflict
                        + " DO NOTHING RETURNING id")
                .execute(Tuple.tuple(java.util.Arrays.asList(request.system(), tenant.id(), delivery.deliveryKey(),
                        delivery.coalesceKey(), delivery.topic(), delivery.partitionKey(), delivery.payload())))
                .map(rows -> counted(request, rows.rowCount() == 0 ? Outcome.DUPLICATE : Outcome.ACCEPTED));
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

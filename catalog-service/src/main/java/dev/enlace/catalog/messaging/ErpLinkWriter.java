package dev.enlace.catalog.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.DrainLoop;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CA9: brings each queued ERP product's external-id field in line with Enlace's links: the store
 * product of its newest link, or empty when it has none left. It writes the state at the time of
 * the call, not the change that queued it, so repeated or reordered writes converge. The call goes
 * through the connector (and so OutboundCalls), never from a request or a Kafka ack; what keeps
 * failing becomes a failure record of kind {@value #FAILURE_KIND}, retryable by hand.
 */
@ApplicationScoped
public class ErpLinkWriter implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(ErpLinkWriter.class);
    static final String FAILURE_KIND = "erp-link";
    private static final int BATCH = 50;

    private final Pool pool;
    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final FailureRecords failures;
    private final int maxAttempts;
    private final DrainLoop loop = new DrainLoop("ERP link writes", this::round);

    record Write(String tenant, String erpSystem, String erpProductId, OffsetDateTime queuedAt, int attempts) {
    }

    public ErpLinkWriter(Pool pool, Connectors connectors, TenantRegistry tenants, FailureRecords failures,
            @ConfigProperty(name = "enlace.catalog.erp-link-max-attempts", defaultValue = "6") int maxAttempts) {
        this.pool = pool;
        this.connectors = connectors;
        this.tenants = tenants;
        this.failures = failures;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${enlace.catalog.erp-link-poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    /** Starts writing now rather than at the next poll; call after the transaction that queued work. */
    public void trigger() {
        loop.trigger();
    }

    Uni<Void> drain() {
        return loop.drain();
    }

    private Uni<Boolean> round() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(false)
                : Uni.join().all(batch.stream().map(this::write).toList()).andCollectFailures().replaceWith(true));
    }

    private Uni<List<Write>> claim() {
        return pool.preparedQuery("UPDATE erp_link_write w SET locked_until = now() + interval '2 minutes'"
                        + " FROM (SELECT tenant, erp_system, erp_product_id FROM erp_link_write"
                        + "   WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())"
                        + "   ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED) due"
                        + " WHERE w.tenant = due.tenant AND w.erp_system = due.erp_system"
                        + " AND w.erp_product_id = due.erp_product_id"
                        + " RETURNING w.tenant, w.erp_system, w.erp_product_id, w.queued_at, w.attempts")
                .execute(Tuple.of(BATCH))
                .map(rows -> {
                    List<Write> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new Write(r.getString("tenant"), r.getString("erp_system"),
                                r.getString("erp_product_id"), r.getOffsetDateTime("queued_at"), r.getInteger("attempts")));
                    }
                    return batch;
                });
    }

    private Uni<Void> write(Write w) {
        Tenant tenant = tenants.find(w.tenant()).orElse(null);
        var field = connectors.find(ErpProductLinks.class, w.erpSystem());
        if (tenant == null || !w.erpSystem().equals(tenant.erp().system()) || field.isEmpty()) {
            LOG.infof("dropping ERP link write %s of tenant %s: the tenant has no such ERP now", reference(w), w.tenant());
            return done(w);
        }
        return pool.preparedQuery("SELECT store_product_id FROM product_link WHERE tenant = $1 AND erp_system = $2"
                        + " AND erp_product_id = $3 ORDER BY linked_at DESC LIMIT 1")
                .execute(Tuple.of(w.tenant(), w.erpSystem(), w.erpProductId()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("store_product_id"))
                .chain(storeProductId -> field.get().keep(tenant.erp(), w.erpProductId(), storeProductId))
                .chain(() -> done(w))
                .onFailure().recoverWithUni(err -> failed(w, err));
    }

    private Uni<Void> done(Write w) {
        // a row queued again while this write was in flight stays, with its lock released, for one more write
        return pool.preparedQuery("DELETE FROM erp_link_write WHERE tenant = $1 AND erp_system = $2"
                        + " AND erp_product_id = $3 AND queued_at = $4")
                .execute(Tuple.of(w.tenant(), w.erpSystem(), w.erpProductId(), w.queuedAt()))
                .chain(() -> pool.preparedQuery("UPDATE erp_link_write SET locked_until = NULL WHERE tenant = $1"
                                + " AND erp_system = $2 AND erp_product_id = $3")
                        .execute(Tuple.of(w.tenant(), w.erpSystem(), w.erpProductId())))
                .chain(() -> failures.resolve(w.tenant(), FAILURE_KIND, reference(w)));
    }

    private Uni<Void> failed(Write w, Throwable err) {
        int attempts = w.attempts() + 1;
        String reason = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
        boolean giveUp = attempts >= maxAttempts;
        // after giving up, only a retry by hand or a new link change writes it again
        long delaySeconds = giveUp ? Duration.ofDays(365).toSeconds() : Math.min(1L << attempts, 300);
        LOG.debugf("ERP link write %s failed (attempt %d): %s", reference(w), attempts, reason);
        Uni<Void> update = pool.preparedQuery("UPDATE erp_link_write SET attempts = $4, last_error = $5,"
                        + " locked_until = NULL, next_attempt_at = now() + make_interval(secs => $6)"
                        + " WHERE tenant = $1 AND erp_system = $2 AND erp_product_id = $3 AND queued_at = $7")
                .execute(Tuple.tuple(List.of(w.tenant(), w.erpSystem(), w.erpProductId(), attempts, reason,
                        (double) delaySeconds, w.queuedAt())))
                .chain(() -> pool.preparedQuery("UPDATE erp_link_write SET locked_until = NULL WHERE tenant = $1"
                                + " AND erp_system = $2 AND erp_product_id = $3")
                        .execute(Tuple.of(w.tenant(), w.erpSystem(), w.erpProductId())))
                .replaceWithVoid();
        return giveUp ? update.chain(() -> failures.record(w.tenant(), FAILURE_KIND, reference(w), reason,
                w.erpProductId())) : update;
    }

    /** ERP products of the tenant whose field Enlace has yet to write. */
    public Uni<Set<String>> pending(Tenant tenant) {
        return pool.preparedQuery("SELECT erp_product_id FROM erp_link_write WHERE tenant = $1 AND erp_system = $2")
                .execute(Tuple.of(tenant.id(), tenant.erp().system()))
                .map(rows -> {
                    Set<String> ids = new HashSet<>();
                    rows.forEach(r -> ids.add(r.getString("erp_product_id")));
                    return ids;
                });
    }

    private static String reference(Write w) {
        return w.erpSystem() + ":" + w.erpProductId();
    }

    @Override
    public String kind() {
        return FAILURE_KIND;
    }

    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        String[] ref = failure.reference().split(":", 2);
        return pool.preparedQuery("INSERT INTO erp_link_write (tenant, erp_system, erp_product_id) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (tenant, erp_system, erp_product_id) DO UPDATE SET attempts = 0,"
                        + " next_attempt_at = now(), last_error = NULL")
                .execute(Tuple.of(failure.tenant(), ref[0], ref[1]))
                .invoke(this::trigger)
                .replaceWithVoid();
    }
}

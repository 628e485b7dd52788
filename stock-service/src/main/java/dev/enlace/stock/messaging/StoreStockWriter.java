package dev.enlace.stock.messaging;

import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.StoreStockTarget;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.DrainLoop;
import dev.enlace.platform.messaging.PgNotifications;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import dev.enlace.platform.persistence.StatementBatcher;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends queued stock values to the stores. Each store variant is written by one call at a
 * time; a value that changed while its write was in flight is sent again afterwards, so the
 * store always ends at the latest value. The per-store rate limit lives in the connector's
 * client, so a busy store never slows another one.
 */
@ApplicationScoped
public class StoreStockWriter implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(StoreStockWriter.class);
    static final String FAILURE_KIND = "store-stock-write";

    private final Pool pool;
    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final FailureRecords failures;
    private final PgNotifications notifications;
    private final MeterRegistry metrics;
    private final Timer queueToStore;
    private final Vertx vertx;
    private final int concurrency;
    private final int perStore;
    private final int maxAttempts;
    private final long lingerMillis;
    private final DrainLoop loop = new DrainLoop("store stock writes", this::claimWhileRoom);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final StatementBatcher<Write, Void> markedSent;

    record Write(String tenant, String storeSystem, String productId, String variantId, String sku, long available,
            boolean unlimited, long revision, int attempts, OffsetDateTime queuedAt, boolean ordered, boolean hadError) {
    }

    public StoreStockWriter(Pool pool, Vertx vertx, Connectors connectors, TenantRegistry tenants, FailureRecords failures,
            PgNotifications notifications, MeterRegistry metrics,
            @ConfigProperty(name = "enlace.stock.write-concurrency", defaultValue = "1000") int concurrency,
            @ConfigProperty(name = "enlace.stock.write-per-store", defaultValue = "10") int perStore,
            @ConfigProperty(name = "enlace.stock.write-max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "enlace.stock.write-linger", defaultValue = "PT0.005S") Duration linger) {
        this.pool = pool;
        this.connectors = connectors;
        this.tenants = tenants;
        this.failures = failures;
        this.notifications = notifications;
        this.metrics = metrics;
        this.queueToStore = metrics.timer("enlace.stock.queue-to-store");
        this.vertx = vertx;
        this.concurrency = concurrency;
        this.perStore = perStore;
        this.maxAttempts = maxAttempts;
        this.lingerMillis = Math.max(1, linger.toMillis());
        this.markedSent = new StatementBatcher<>(vertx, linger, 500, this::markSent);
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_store_write", this::trigger);
    }

    /** Writes whose back-off has passed, and any notification that was missed. */
    @Scheduled(every = "${enlace.stock.write-poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    /**
     * Wakes the writer a few milliseconds later: the commits that queue values and the writes that finish come by
     * the thousand per second under load, and one claim then serves all that arrived meanwhile.
     */
    void trigger() {
        if (wakeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(lingerMillis, id -> {
                wakeScheduled.set(false);
                loop.trigger();
            });
        }
    }

    public Uni<Void> drain() {
        return loop.drain();
    }

    /**
     * Claims due writes while fewer than {@code concurrency} are in flight, and starts each at once: a write
     * waiting for its store's budget never holds up a claim for the other stores. A finished write wakes the
     * writer again, as its store may have more.
     */
    private Uni<Boolean> claimWhileRoom() {
        int room = concurrency - inFlight.get();
        if (room <= 0) {
            return Uni.createFrom().item(false);
        }
        return claim(room).map(batch -> {
            batch.forEach(this::start);
            return batch.size() == room;
        });
    }

    private void start(Write w) {
        inFlight.incrementAndGet();
        write(w).onFailure().invoke(err ->
                        // only the bookkeeping failed: the lease runs out and the write is claimed again
                        LOG.warnf("stock write %s: could not record the outcome: %s", reference(w), err.getMessage()))
                .onFailure().recoverWithNull()
                .subscribe().with(done -> {
                    inFlight.decrementAndGet();
                    trigger();
                });
    }

    private Uni<List<Write>> claim(int limit) {
        // at most perStore writes of one store in flight, those already in flight (leased) counted first, taken
        // round-robin across stores: a big resync of one tenant never starves the others, each store's lane
        // moves at its own API budget; the outer lock check makes two replicas claiming at once take disjoint rows
        return pool.preparedQuery("UPDATE store_stock_write w SET locked_until = now() + interval '2 minutes'"
                        + " FROM (SELECT tenant, store_system, store_product_id, store_variant_id FROM ("
                        + "   SELECT tenant, store_system, store_product_id, store_variant_id, leased,"
                        + "   row_number() OVER (PARTITION BY tenant, store_system ORDER BY leased DESC, queued_at) AS n"
                        + "   FROM (SELECT *, locked_until IS NOT NULL AND locked_until >= now() AS leased"
                        + "     FROM store_stock_write WHERE revision > sent_revision) candidate"
                        + "   WHERE leased OR next_attempt_at <= now()) ranked"
                        + "   WHERE n <= $2 AND NOT leased ORDER BY n LIMIT $1) due"
                        + " WHERE w.tenant = due.tenant AND w.store_system = due.store_system"
                        + " AND w.store_product_id = due.store_product_id AND w.store_variant_id = due.store_variant_id"
                        + " AND (w.locked_until IS NULL OR w.locked_until < now())"
                        + " RETURNING w.tenant, w.store_system, w.store_product_id, w.store_variant_id, w.sku, w.available,"
                        + " w.unlimited, w.revision, w.attempts, w.queued_at, w.last_error IS NOT NULL AS had_error,"
                        + " EXISTS (SELECT 1 FROM store_stock_change c WHERE c.tenant = w.tenant"
                        + " AND c.store_system = w.store_system AND c.store_product_id = w.store_product_id"
                        + " AND c.store_variant_id = w.store_variant_id) AS ordered")
                .execute(Tuple.of(limit, perStore))
                .map(rows -> {
                    List<Write> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new Write(r.getString("tenant"), r.getString("store_system"),
                                r.getString("store_product_id"), r.getString("store_variant_id"), r.getString("sku"),
                                r.getLong("available"), r.getBoolean("unlimited"), r.getLong("revision"),
                                r.getInteger("attempts"), r.getOffsetDateTime("queued_at"), r.getBoolean("ordered"),
                                r.getBoolean("had_error")));
                    }
                    return batch;
                });
    }

    private Uni<Void> write(Write w) {
        Tenant tenant = tenants.find(w.tenant()).orElse(null);
        if (tenant == null || !w.storeSystem().equals(tenant.store().system())) {
            return failed(w, new IllegalStateException("tenant '" + w.tenant() + "' has no " + w.storeSystem() + " store now"));
        }
        return Uni.createFrom().deferred(() -> w.ordered() ? writeEveryChange(tenant, w)
                        : writeValue(tenant, w, w.available(), w.unlimited()))
                .chain(() -> sent(w))
                .onFailure().recoverWithUni(err -> failed(w, err));
    }

    private Uni<Void> writeValue(Tenant tenant, Write w, long available, boolean unlimited) {
        return connectors.require(StoreStockTarget.class, w.storeSystem())
                .writeStock(tenant.store(), new ExternalRef(w.storeSystem(), w.productId(), w.variantId()), available, unlimited);
    }

    /**
     * Coalescing off: every value queued for this variant, oldest first, each marked sent as soon as the store
     * has it (a failure resumes after the last one written); then the latest value, if a forced resend queued
     * it without keeping it.
     */
    private Uni<Void> writeEveryChange(Tenant tenant, Write w) {
        Tuple key = Tuple.of(w.tenant(), w.storeSystem(), w.productId(), w.variantId(), w.revision());
        return pool.preparedQuery("SELECT revision, available, unlimited FROM store_stock_change WHERE tenant = $1"
                        + " AND store_system = $2 AND store_product_id = $3 AND store_variant_id = $4 AND revision <= $5"
                        + " ORDER BY revision")
                .execute(key)
                .chain(rows -> {
                    List<Row> changes = new ArrayList<>();
                    rows.forEach(changes::add);
                    long last = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).getLong("revision");
                    return Multi.createFrom().iterable(changes)
                            .onItem().transformToUniAndConcatenate(c -> writeValue(tenant, w, c.getLong("available"),
                                    c.getBoolean("unlimited")).chain(() -> sentUpTo(w, c.getLong("revision"))))
                            .collect().last()
                            .chain(() -> last < w.revision() ? writeValue(tenant, w, w.available(), w.unlimited())
                                    : Uni.createFrom().voidItem());
                });
    }

    private Uni<Void> sentUpTo(Write w, long revision) {
        Tuple key = Tuple.of(w.tenant(), w.storeSystem(), w.productId(), w.variantId(), revision);
        return pool.preparedQuery("UPDATE store_stock_write SET sent_revision = GREATEST(sent_revision, $5)"
                        + " WHERE tenant = $1 AND store_system = $2 AND store_product_id = $3 AND store_variant_id = $4")
                .execute(key)
                .chain(() -> pool.preparedQuery("DELETE FROM store_stock_change WHERE tenant = $1 AND store_system = $2"
                        + " AND store_product_id = $3 AND store_variant_id = $4 AND revision <= $5").execute(key))
                .replaceWithVoid();
    }

    private Uni<Void> sent(Write w) {
        queueToStore.record(Duration.between(w.queuedAt(), OffsetDateTime.now()));
        metrics.counter("enlace.stock.store-writes", "store", w.storeSystem()).increment();
        return markedSent.add(w)
                // only a write that failed before can have a failure record to close (one statement less per write)
                .chain(() -> w.hadError() ? failures.resolve(w.tenant(), FAILURE_KIND, reference(w)) : Uni.createFrom().voidItem());
    }

    /** Marks writes the stores now have as sent, many in one statement (each holds its variant's lease until then). */
    private Uni<List<Void>> markSent(List<Write> writes) {
        int n = writes.size();
        String[] tenant = new String[n];
        String[] system = new String[n];
        String[] product = new String[n];
        String[] variant = new String[n];
        Long[] revision = new Long[n];
        for (int i = 0; i < n; i++) {
            Write w = writes.get(i);
            tenant[i] = w.tenant();
            system[i] = w.storeSystem();
            product[i] = w.productId();
            variant[i] = w.variantId();
            revision[i] = w.revision();
        }
        return pool.preparedQuery("UPDATE store_stock_write w SET sent_revision = GREATEST(w.sent_revision, s.revision),"
                        + " sent_at = now(), locked_until = NULL, attempts = 0, last_error = NULL"
                        + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])"
                        + " AS s(tenant, store_system, store_product_id, store_variant_id, revision)"
                        + " WHERE w.tenant = s.tenant AND w.store_system = s.store_system"
                        + " AND w.store_product_id = s.store_product_id AND w.store_variant_id = s.store_variant_id")
                .execute(Tuple.of(tenant, system, product, variant, revision))
                .map(done -> java.util.Collections.nCopies(n, null));
    }

    private Uni<Void> failed(Write w, Throwable err) {
        int attempts = w.attempts() + 1;
        String reason = err.getMessage();
        boolean giveUp = attempts >= maxAttempts;
        long delaySeconds = giveUp ? Duration.ofDays(365).toSeconds() : Math.min(1L << attempts, 300);
        LOG.debugf("stock write %s failed (attempt %d): %s", reference(w), attempts, reason);
        Uni<Void> update = pool.preparedQuery("UPDATE store_stock_write SET attempts = $5, last_error = $6,"
                        + " locked_until = NULL, next_attempt_at = now() + make_interval(secs => $7)"
                        + " WHERE tenant = $1 AND store_system = $2 AND store_product_id = $3 AND store_variant_id = $4")
                .execute(Tuple.tuple(List.of(w.tenant(), w.storeSystem(), w.productId(), w.variantId(), attempts,
                        reason == null ? err.getClass().getSimpleName() : reason, (double) delaySeconds)))
                .replaceWithVoid();
        return giveUp ? update.chain(() -> failures.record(w.tenant(), FAILURE_KIND, reference(w), reason,
                w.sku() + " -> " + (w.unlimited() ? "unlimited" : String.valueOf(w.available())))) : update;
    }

    private static String reference(Write w) {
        return w.storeSystem() + ":" + w.productId() + ":" + w.variantId();
    }

    @Override
    public String kind() {
        return FAILURE_KIND;
    }

    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        String[] ref = failure.reference().split(":", 3);
        return pool.preparedQuery("UPDATE store_stock_write SET attempts = 0, next_attempt_at = now()"
                        + " WHERE tenant = $1 AND store_system = $2 AND store_product_id = $3 AND store_variant_id = $4")
                .execute(Tuple.of(failure.tenant(), ref[0], ref[1], ref[2]))
                .replaceWithVoid();
    }
}

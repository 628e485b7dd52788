package dev.enlace.stock.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first stock of new links (ST1, ST9). ProductLinked only records the link, marked pending; this reads the ERP
 * stock of a tenant's pending links once they stop arriving (or have waited long enough) and queues the store
 * writes. A few are read one by one; many are read with the ERP's stock snapshot (paged, the whole account), so
 * linking a 100,000-SKU catalogue costs a few thousand paged calls instead of two reads per SKU. The pending mark
 * is in the link row, so a crash only delays the reads.
 */
@ApplicationScoped
public class LinkedStockSync {
    private static final Logger LOG = Logger.getLogger(LinkedStockSync.class);
    private static final int PARALLEL = 8;
    /**
     * A snapshot reads every variant of the account (about 2 calls per 50 variants), reading one costs about 2
     * calls: bulk pays when more than 1 in 25 of the tenant's links wait (the account assumed about as large).
     */
    static final int BULK_SHARE = 25;

    private final Pool pool;
    private final Vertx vertx;
    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final StockRefresh refresh;
    private final Duration quiet;
    private final Duration maxWait;
    /** Fewer pending links than this are read one by one (one snapshot page of Bsale holds 50 rows). */
    private final int bulkMin;
    private final MeterRegistry metrics;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> retryAfter = new ConcurrentHashMap<>();
    private final AtomicBoolean lookScheduled = new AtomicBoolean();

    public LinkedStockSync(Pool pool, Vertx vertx, Connectors connectors, TenantRegistry tenants, StockRefresh refresh,
            @ConfigProperty(name = "enlace.stock.link-quiet", defaultValue = "PT0.3S") Duration quiet,
            @ConfigProperty(name = "enlace.stock.link-max-wait", defaultValue = "PT60S") Duration maxWait,
            @ConfigProperty(name = "enlace.stock.link-bulk-min", defaultValue = "50") int bulkMin, MeterRegistry metrics) {
        this.pool = pool;
        this.vertx = vertx;
        this.connectors = connectors;
        this.tenants = tenants;
        this.refresh = refresh;
        this.quiet = quiet;
        this.maxWait = maxWait;
        this.bulkMin = bulkMin;
        this.metrics = metrics;
    }

    /** A link was recorded: look again once the quiet period has passed. */
    void linked() {
        // one look per quiet period, however many links arrive in it
        if (lookScheduled.compareAndSet(false, true)) {
            vertx.setTimer(Math.max(1, quiet.toMillis() + 50), id -> {
                lookScheduled.set(false);
                run().subscribe().with(v -> { }, err -> LOG.warnf("initial stock of new links: %s", err.getMessage()));
            });
        }
    }

    @Scheduled(every = "${enlace.stock.link-poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return run();
    }

    /** Starts the tenants whose pending links are due; each tenant is read by one run at a time. */
    Uni<Void> run() {
        return pool.preparedQuery("SELECT p.tenant, count(*) AS pending,"
                        + " bool_or(p.initial_pending_at < now() - make_interval(secs => $2)) AS overdue,"
                        + " max(p.initial_pending_at) < now() - make_interval(secs => $1) AS settled,"
                        + " (SELECT count(*) FROM stock_link a WHERE a.tenant = p.tenant) AS linked"
                        + " FROM stock_link p WHERE p.initial_pending_at IS NOT NULL GROUP BY p.tenant")
                .execute(Tuple.of(quiet.toMillis() / 1000.0, maxWait.toMillis() / 1000.0))
                .invoke(rows -> {
                    for (Row r : rows) {
                        String id = r.getString("tenant");
                        Long after = retryAfter.get(id);
                        boolean due = Boolean.TRUE.equals(r.getBoolean("settled")) || Boolean.TRUE.equals(r.getBoolean("overdue"));
                        Optional<Tenant> tenant = tenants.find(id);
                        if (!due || (after != null && System.nanoTime() < after) || tenant.isEmpty() || !busy.add(id)) {
                            continue;
                        }
                        long pending = r.getLong("pending");
                        boolean bulk = pending >= bulkMin && pending * BULK_SHARE >= r.getLong("linked");
                        IsolatedContext.run(vertx, () -> sync(tenant.get(), bulk))
                                .eventually(() -> busy.remove(id))
                                .subscribe().with(v -> retryAfter.remove(id), err -> {
                                    LOG.warnf("initial stock of new links of %s not read, trying again in 30 s: %s", id,
                                            err.getMessage());
                                    retryAfter.put(id, System.nanoTime() + Duration.ofSeconds(30).toNanos());
                                });
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> sync(Tenant tenant, boolean bulk) {
        return pool.preparedQuery("SELECT erp_variant_id, initial_pending_at FROM stock_link WHERE tenant = $1"
                        + " AND initial_pending_at IS NOT NULL")
                .execute(Tuple.of(tenant.id()))
                .chain(rows -> {
                    List<String> ids = new ArrayList<>();
                    List<OffsetDateTime> marks = new ArrayList<>();
                    rows.forEach(r -> {
                        ids.add(r.getString("erp_variant_id"));
                        marks.add(r.getOffsetDateTime("initial_pending_at"));
                    });
                    Set<String> pending = new HashSet<>(ids);
                    Optional<ErpStockSnapshot> snapshot = connectors.find(ErpStockSnapshot.class, tenant.erp().system());
                    Uni<Set<String>> read = bulk && snapshot.isPresent() ? readInBulk(tenant, snapshot.get(), pending)
                            : Uni.createFrom().item(pending);
                    // one by one: the few, and what the snapshot did not list (e.g. a variant deactivated in the ERP);
                    // a link saved again meanwhile has a newer mark and stays pending
                    return read.chain(left -> readEach(tenant, left))
                            .chain(() -> pool.preparedQuery("UPDATE stock_link l SET initial_pending_at = NULL"
                                    + " FROM unnest($2::varchar[], $3::timestamptz[]) AS d(id, mark)"
                                    + " WHERE l.tenant = $1 AND l.erp_variant_id = d.id AND l.initial_pending_at = d.mark")
                                    .execute(Tuple.of(tenant.id(), ids.toArray(String[]::new),
                                            marks.toArray(OffsetDateTime[]::new))))
                            .invoke(done -> LOG.debugf("initial stock of %d new links of %s read%s", ids.size(),
                                    tenant.id(), bulk ? " in bulk" : ""));
                })
                .replaceWithVoid();
    }

    /** @return the pending variants the snapshot did not list */
    private Uni<Set<String>> readInBulk(Tenant tenant, ErpStockSnapshot snapshot, Set<String> pending) {
        Set<String> left = ConcurrentHashMap.newKeySet();
        left.addAll(pending);
        return snapshot.allStock(tenant.erp(), tenant.settings().stock().offices())
                .filter(stock -> pending.contains(stock.variantId()))
                .onItem().transformToUni(stock -> record(tenant, stock).invoke(() -> {
                    left.remove(stock.variantId());
                    metrics.counter("enlace.stock.link.first-reads", "read", "bulk").increment();
                }))
                .merge(PARALLEL)
                .collect().last()
                .map(ignored -> left);
    }

    private Uni<Void> readEach(Tenant tenant, Set<String> variants) {
        if (variants.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ErpStockSource source = connectors.require(ErpStockSource.class, tenant.erp().system());
        List<String> offices = tenant.settings().stock().offices();
        return Multi.createFrom().iterable(new ArrayList<>(variants))
                .onItem().transformToUni(id -> source.stock(tenant.erp(), id, offices)
                        .chain(stock -> record(tenant, stock))
                        .invoke(() -> metrics.counter("enlace.stock.link.first-reads", "read", "single").increment())
                        // a variant the ERP no longer reads is left to the next reconciliation, as before
                        .onFailure().invoke(err -> LOG.warnf("initial stock of %s/%s not read: %s", tenant.id(), id,
                                err.getMessage()))
                        .onFailure().recoverWithNull())
                .merge(PARALLEL)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> record(Tenant tenant, ErpStock stock) {
        return refresh.record(tenant, stock, "link:" + stock.variantId(), true).replaceWithVoid();
    }
}

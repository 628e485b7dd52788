package dev.enlace.stock.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.connectors.StoreStockReading;
import dev.enlace.platform.connectors.StoreStockSnapshot;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.stock.persistence.StockLevel;
import dev.enlace.stock.persistence.StockLink;
import dev.enlace.stock.persistence.StockSyncRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ST9. A forced resync reads every linked variant's stock from the ERP and sends all of them
 * to the store again, whatever the store shows. A reconciliation (periodic, or on demand) reads
 * both sides and repairs only what drifted: ERP changes whose webhook was lost, store values
 * someone edited by hand. Both run in the background; their progress is readable while they run.
 * An ERP that sends no stock webhooks (relBase) is polled the same way, ERP side only, at the
 * tenant's poll interval (ST1 by polling): only what changed is announced.
 */
@ApplicationScoped
public class StockReconciliation {
    private static final Logger LOG = Logger.getLogger(StockReconciliation.class);
    private static final int PARALLEL_RECORDS = 8;

    public enum Kind { RESYNC, RECONCILE, POLL }

    /** A run in progress; counters move while it works. */
    public static final class Run {
        final UUID id = UUID.randomUUID();
        final String tenant;
        final Kind kind;
        final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        final AtomicLong linked = new AtomicLong();
        final AtomicLong erpRead = new AtomicLong();
        final AtomicLong erpChanged = new AtomicLong();
        final AtomicLong storeQueued = new AtomicLong();
        final AtomicLong storeRepaired = new AtomicLong();
        /** ERP variants whose change this run announced: the store gets them through StockChanged. */
        final java.util.Set<String> changedInErp = ConcurrentHashMap.newKeySet();
        volatile boolean passesDone;
        volatile String error;
        volatile OffsetDateTime finishedAt;

        Run(String tenant, Kind kind) {
            this.tenant = tenant;
            this.kind = kind;
        }
    }

    /**
     * What a caller sees of a run.
     *
     * @param written         store writes of this run already confirmed by the store
     * @param ratePerSecond   store writes per second so far
     * @param remainingSeconds at that rate, until every queued write is sent
     */
    public record Progress(UUID id, String tenant, Kind kind, String status, long linked, long erpRead,
            long erpChanged, long storeQueued, long storeRepaired, long written, double ratePerSecond,
            Long remainingSeconds, OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {
    }

    private final Connectors connectors;
    private final StockRefresh refresh;
    private final TenantRegistry tenants;
    private final Pool pool;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final ErpSalesLedger sales;
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPoll = new ConcurrentHashMap<>();
    private final java.util.Set<String> polling = ConcurrentHashMap.newKeySet();

    public StockReconciliation(Connectors connectors, StockRefresh refresh, TenantRegistry tenants, Pool pool,
            Vertx vertx, MeterRegistry metrics, ErpSalesLedger sales) {
        this.connectors = connectors;
        this.refresh = refresh;
        this.tenants = tenants;
        this.pool = pool;
        this.vertx = vertx;
        this.metrics = metrics;
        this.sales = sales;
    }

    public Run start(Tenant tenant, Kind kind) {
        Run run = new Run(tenant.id(), kind);
        runs.put(run.id, run);
        IsolatedContext.run(vertx, () -> save(run).chain(() -> execute(run, tenant)))
                .onFailure().invoke(err -> run.error = String.valueOf(err.getMessage()))
                .onItemOrFailure().transformToUni((ok, err) -> {
                    run.passesDone = true;
                    run.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    LOG.infof("stock %s of tenant %s: %d linked, %d read from the ERP, %d changed there, %d repaired"
                                    + " in the store, %d writes queued%s", run.kind, run.tenant, run.linked.get(),
                            run.erpRead.get(), run.erpChanged.get(), run.storeRepaired.get(), run.storeQueued.get(),
                            run.error == null ? "" : ", failed: " + run.error);
                    metrics.counter("enlace.stock.drift.repaired", "side", "erp").increment(run.erpChanged.get());
                    metrics.counter("enlace.stock.drift.repaired", "side", "store").increment(run.storeRepaired.get());
                    return IsolatedContext.run(vertx, () -> save(run));
                })
                .subscribe().with(v -> { }, err -> LOG.warnf("stock run %s not saved: %s", run.id, err.getMessage()));
        return run;
    }

    /** Periodic reconciliation of every tenant whose stock flow is on. */
    @Scheduled(every = "${enlace.stock.reconcile-interval:1h}", delayed = "${enlace.stock.reconcile-delay:10m}")
    void reconcileAll() {
        for (Tenant tenant : tenants.all()) {
            boolean busy = runs.values().stream().anyMatch(r -> r.tenant.equals(tenant.id()) && r.finishedAt == null);
            if (Boolean.TRUE.equals(tenant.settings().stock().enabled()) && !busy) {
                start(tenant, Kind.RECONCILE);
            }
        }
    }

    /** ST1 for ERPs without stock webhooks: every tenant whose poll interval has passed is read again. */
    @Scheduled(every = "${enlace.stock.poll-tick:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        long now = System.nanoTime();
        for (Tenant tenant : tenants.all()) {
            String erp = tenant.erp().system();
            boolean webhooks = connectors.find(dev.enlace.platform.connectors.ErpStockSignals.class, erp).isPresent();
            boolean readable = connectors.find(ErpStockSnapshot.class, erp).isPresent();
            long interval = tenant.settings().stock().pollInterval().toNanos();
            Long last = lastPoll.get(tenant.id());
            if (webhooks || !readable || !Boolean.TRUE.equals(tenant.settings().stock().enabled())
                    || (last != null && now - last < interval) || !polling.add(tenant.id())) {
                continue;
            }
            lastPoll.put(tenant.id(), now);
            Run run = new Run(tenant.id(), Kind.POLL);
            // ERP sales first (ST3): a sale made between the two reads then lowers the store until the next
            // poll counts it, rather than raising it before the ERP's stock shows the sale
            IsolatedContext.run(vertx, () -> sales.update(tenant)
                            .chain(() -> Panache.withSession(() -> StockLink.<StockLink>list("tenant", tenant.id())))
                            .chain(links -> readErp(run, tenant, links.stream()
                                    .collect(Collectors.toMap(l -> l.erpVariantId, Function.identity())))))
                    .eventually(() -> polling.remove(tenant.id()))
                    .subscribe().with(v -> LOG.debugf("polled %s: %d read, %d changed", tenant.id(), run.erpRead.get(),
                            run.erpChanged.get()), err -> LOG.warnf("polling the stock of %s failed: %s", tenant.id(),
                            err.getMessage()));
        }
    }

    public Optional<Run> find(String tenant, UUID id) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.tenant.equals(tenant));
    }

    public Uni<Progress> progress(Run run) {
        return pool.preparedQuery("SELECT count(*) FILTER (WHERE sent_revision >= revision) AS written, count(*) AS queued,"
                        + " min(queued_at) AS first FROM store_stock_write WHERE tenant = $1 AND queued_at >= $2")
                .execute(Tuple.of(run.tenant, run.startedAt))
                .map(rows -> {
                    var row = rows.iterator().next();
                    long written = Math.min(row.getLong("written"), run.storeQueued.get());
                    OffsetDateTime first = row.getOffsetDateTime("first");
                    double seconds = first == null ? 0 : Math.max(0.001,
                            (System.currentTimeMillis() - first.toInstant().toEpochMilli()) / 1000.0);
                    double rate = seconds == 0 ? 0 : written / seconds;
                    long left = run.storeQueued.get() - written;
                    Long remaining = null;
                    if (left <= 0 && run.passesDone) {
                        remaining = 0L;
                    } else if (rate > 0) {
                        remaining = (long) Math.ceil(left / rate);
                    }
                    String status = run.error != null ? "FAILED" : run.passesDone && left <= 0 ? "DONE" : "RUNNING";
                    return new Progress(run.id, run.tenant, run.kind, status, run.linked.get(), run.erpRead.get(),
                            run.erpChanged.get(), run.storeQueued.get(), run.storeRepaired.get(), written, rate,
                            remaining, run.startedAt, run.finishedAt, run.error);
                });
    }

    private Uni<Void> execute(Run run, Tenant tenant) {
        return Panache.withSession(() -> StockLink.<StockLink>list("tenant", tenant.id()))
                .chain(links -> {
                    run.linked.set(links.size());
                    Map<String, StockLink> byErpVariant = links.stream()
                            .collect(Collectors.toMap(l -> l.erpVariantId, Function.identity()));
                    return readErp(run, tenant, byErpVariant)
                            .chain(() -> run.kind == Kind.RESYNC ? resendAll(run, links) : repairStore(run, tenant, links));
                });
    }

    /** The ERP side: bulk where the ERP can, one variant at a time where it cannot. */
    private Uni<Void> readErp(Run run, Tenant tenant, Map<String, StockLink> links) {
        List<String> offices = tenant.settings().stock().offices();
        Multi<ErpStock> stocks = connectors.find(ErpStockSnapshot.class, tenant.erp().system())
                .map(bulk -> bulk.allStock(tenant.erp(), offices).filter(s -> links.containsKey(s.variantId())))
                .orElseGet(() -> Multi.createFrom().iterable(links.keySet()).onItem().transformToUni(
                        id -> connectors.require(ErpStockSource.class, tenant.erp().system()).stock(tenant.erp(), id, offices))
                        .merge(PARALLEL_RECORDS));
        // the records in flight together share a statement (StockRefresh batches them)
        return stocks.onItem().transformToUni(stock -> refresh.record(tenant, stock, "resync:" + run.id)
                        .invoke(changed -> {
                            run.erpRead.incrementAndGet();
                            if (changed) {
                                run.erpChanged.incrementAndGet();
                                run.changedInErp.add(stock.variantId());
                            }
                        }))
                .merge(PARALLEL_RECORDS)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> resendAll(Run run, List<StockLink> links) {
        return Multi.createFrom().iterable(links)
                .onItem().transformToUni(link -> IsolatedContext.run(vertx, () -> Panache.withTransaction(
                                () -> StoreWriteQueue.queueForLevel(link.tenant, link.erpVariantId, true)))
                        .invoke(() -> run.storeQueued.incrementAndGet()))
                .merge(PARALLEL_RECORDS)
                .collect().last().replaceWithVoid();
    }

    /** The store side: compare what it shows with what was announced, and send only the differences. */
    private Uni<Void> repairStore(Run run, Tenant tenant, List<StockLink> links) {
        Optional<StoreStockSnapshot> snapshot = connectors.find(StoreStockSnapshot.class, tenant.store().system());
        if (snapshot.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Map<String, StockLevel>> levels = Panache.withSession(() -> StockLevel.<StockLevel>list("tenant", tenant.id()))
                .map(list -> list.stream().collect(Collectors.toMap(l -> l.erpVariantId, Function.identity())));
        Uni<Map<String, StoreStockReading>> shown = snapshot.get().stock(tenant.store())
                .collect().asMap(r -> storeKey(r.variant().productId(), r.variant().variantId()));
        return Uni.combine().all().unis(levels, shown).asTuple().chain(both -> {
            List<StockLink> drifted = links.stream().filter(link -> !run.changedInErp.contains(link.erpVariantId)).filter(link -> {
                StockLevel level = both.getItem1().get(link.erpVariantId);
                StoreStockReading reading = both.getItem2().get(storeKey(link.storeProductId, link.storeVariantId));
                return level != null && reading != null
                        && (reading.unlimited() != level.unlimited || (!level.unlimited && reading.stock() != level.available));
            }).toList();
            run.storeRepaired.set(drifted.size());
            return resendAll(run, drifted);
        });
    }

    private static String storeKey(String productId, String variantId) {
        return productId + "/" + (variantId == null ? "" : variantId);
    }

    private Uni<Void> save(Run run) {
        return Panache.withTransaction(() -> StockSyncRun.<StockSyncRun>findById(run.id).chain(found -> {
            StockSyncRun row = found == null ? new StockSyncRun() : found;
            row.id = run.id;
            row.tenant = run.tenant;
            row.kind = run.kind.name();
            row.status = run.finishedAt == null ? "RUNNING" : run.error == null ? "FINISHED" : "FAILED";
            row.linked = run.linked.get();
            row.erpRead = run.erpRead.get();
            row.erpChanged = run.erpChanged.get();
            row.storeQueued = run.storeQueued.get();
            row.storeRepaired = run.storeRepaired.get();
            row.error = run.error;
            row.startedAt = run.startedAt;
            row.finishedAt = run.finishedAt;
            return row.persist().replaceWithVoid();
        }));
    }

}

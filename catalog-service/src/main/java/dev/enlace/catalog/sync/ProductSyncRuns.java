package dev.enlace.catalog.sync;

import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * CA3 import and CA11 full push as background runs whose progress is readable while they work (the idea of
 * stock-service's ST9 runs): the ERP catalogue is read first, then each product is written to the store, a few at a
 * time, within the store's rate limit (OutboundCalls).
 */
@ApplicationScoped
public class ProductSyncRuns {
    private static final Logger LOG = Logger.getLogger(ProductSyncRuns.class);
    /** Writes in flight per run: enough to keep a store's rate limit busy, few enough to leave room for others. */
    private static final int PARALLEL_WRITES = 8;

    public enum Kind { IMPORT, PUSH }

    /** A run in progress; counters move while it works. */
    public static final class Run {
        final UUID id = UUID.randomUUID();
        final String tenant;
        final Kind kind;
        final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        final AtomicLong read = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile long total = -1;
        volatile OffsetDateTime firstWrittenAt;
        volatile OffsetDateTime lastWrittenAt;
        volatile OffsetDateTime finishedAt;
        volatile String error;

        Run(String tenant, Kind kind) {
            this.tenant = tenant;
            this.kind = kind;
        }

        long done() {
            return created.get() + updated.get() + skipped.get() + failed.get();
        }
    }

    /**
     * What a caller sees of a run.
     *
     * @param status           READING (the ERP catalogue), WRITING, DONE or FAILED
     * @param total            products to go through; null while the ERP catalogue is being read
     * @param done             products gone through: created + updated + skipped + failed
     * @param ratePerSecond    products gone through per second since the first was written
     * @param remainingSeconds at that rate, until the last one; null before the first
     */
    public record Progress(UUID id, String tenant, Kind kind, String status, long read, Long total, long done,
            long created, long updated, long skipped, long failed, double ratePerSecond, Long remainingSeconds,
            OffsetDateTime startedAt, OffsetDateTime firstWrittenAt, OffsetDateTime lastWrittenAt,
            OffsetDateTime finishedAt, String error) {
    }

    private final Connectors connectors;
    private final ProductPush push;
    private final ProductLinkRepository links;
    private final Vertx vertx;
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

    public ProductSyncRuns(Connectors connectors, ProductPush push, ProductLinkRepository links, Vertx vertx) {
        this.connectors = connectors;
        this.push = push;
        this.links = links;
        this.vertx = vertx;
    }

    public Run start(Tenant tenant, Kind kind) {
        Run run = new Run(tenant.id(), kind);
        runs.put(run.id, run);
        IsolatedContext.run(vertx, () -> save(run).chain(() -> execute(run, tenant)))
                .onFailure().invoke(err -> run.error = String.valueOf(err.getMessage()))
                .onItemOrFailure().transformToUni((ok, err) -> {
                    run.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    LOG.infof("product %s of tenant %s: %d read, %d created, %d updated, %d skipped, %d failed%s",
                            run.kind, run.tenant, run.read.get(), run.created.get(), run.updated.get(),
                            run.skipped.get(), run.failed.get(), run.error == null ? "" : ", stopped: " + run.error);
                    return IsolatedContext.run(vertx, () -> save(run));
                })
                .subscribe().with(v -> { }, err -> LOG.warnf("product run %s not saved: %s", run.id, err.getMessage()));
        return run;
    }

    public Optional<Run> find(String tenant, UUID id) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.tenant.equals(tenant));
    }

    public Progress progress(Run run) {
        long done = run.done();
        OffsetDateTime first = run.firstWrittenAt;
        double rate = 0;
        Long remaining = null;
        if (first != null) {
            OffsetDateTime until = run.finishedAt != null && run.lastWrittenAt != null ? run.lastWrittenAt
                    : OffsetDateTime.now(ZoneOffset.UTC);
            double seconds = Math.max(0.001, Duration.between(first, until).toMillis() / 1000.0);
            rate = done / seconds;
            remaining = run.total < 0 ? null : (long) Math.ceil(Math.max(0, run.total - done) / Math.max(rate, 1e-9));
        }
        if (run.finishedAt != null) {
            remaining = 0L;
        }
        String status = run.error != null ? "FAILED" : run.finishedAt != null ? "DONE" : run.total < 0 ? "READING" : "WRITING";
        return new Progress(run.id, run.tenant, run.kind, status, run.read.get(), run.total < 0 ? null : run.total, done,
                run.created.get(), run.updated.get(), run.skipped.get(), run.failed.get(), rate, remaining,
                run.startedAt, first, run.lastWrittenAt, run.finishedAt, run.error);
    }

    private Uni<Void> execute(Run run, Tenant tenant) {
        ProductCatalog catalog = connectors.require(ProductCatalog.class, tenant.erp().system());
        Uni<List<ProductSnapshot>> products = catalog.products(ProductPush.erpConnection(tenant))
                .invoke(p -> run.read.incrementAndGet()).collect().asList();
        Uni<Set<String>> linkedProducts = run.kind == Kind.IMPORT ? Uni.createFrom().item(Set.of())
                : Panache.withSession(() -> links.list("tenant", tenant.id()))
                        .map(list -> list.stream().map(l -> l.erpProductId).collect(Collectors.toSet()));
        ProductPush.Mode mode = run.kind == Kind.IMPORT ? ProductPush.Mode.IMPORT : ProductPush.Mode.FORCE;
        return linkedProducts.chain(linked -> products.chain(all -> {
            // CA11 pushes what is linked; CA3 goes through everything, skipping what is linked already
            List<ProductSnapshot> todo = run.kind == Kind.IMPORT ? all
                    : all.stream().filter(p -> linked.contains(p.productId())).toList();
            run.total = todo.size();
            String causation = "product-run:" + run.id;
            return Multi.createFrom().iterable(todo)
                    .onItem().transformToUni(p -> IsolatedContext.run(vertx, () -> push.push(tenant, p, mode, causation))
                            .invoke(outcome -> count(run, outcome)))
                    .merge(PARALLEL_WRITES)
                    .collect().last().replaceWithVoid();
        }));
    }

    private static void count(Run run, ProductPush.Outcome outcome) {
        switch (outcome) {
            case CREATED -> run.created.incrementAndGet();
            case UPDATED -> run.updated.incrementAndGet();
            case FAILED -> run.failed.incrementAndGet();
            default -> run.skipped.incrementAndGet();
        }
        if (outcome == ProductPush.Outcome.CREATED || outcome == ProductPush.Outcome.UPDATED) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (run.firstWrittenAt == null) {
                run.firstWrittenAt = now;
            }
            run.lastWrittenAt = now;
        }
    }

    private Uni<Void> save(Run run) {
        return Panache.withTransaction(() -> ProductSyncRun.<ProductSyncRun>findById(run.id).chain(found -> {
            ProductSyncRun row = found == null ? new ProductSyncRun() : found;
            row.id = run.id;
            row.tenant = run.tenant;
            row.kind = run.kind.name();
            row.status = run.finishedAt == null ? "RUNNING" : run.error == null ? "DONE" : "FAILED";
            row.total = Math.max(0, run.total);
            row.created = run.created.get();
            row.updated = run.updated.get();
            row.skipped = run.skipped.get();
            row.failed = run.failed.get();
            row.error = run.error;
            row.startedAt = run.startedAt;
            row.finishedAt = run.finishedAt;
            return row.persist().replaceWithVoid();
        }));
    }
}

package dev.enlace.stock.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStockMoves;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.PgNotifications;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ST2, exactly once (the pattern of document-service's DO8): a claimed move is SENDING, committed, before
 * the ERP call. A move that may have reached the ERP before (a crash while SENDING, a time-out, a 5xx or
 * 429) is first looked up by its order marker and recorded only if the ERP has none. A reception (IN)
 * waits until the consumption (OUT) of the same part is DONE.
 */
@ApplicationScoped
public class ErpStockMoveWorker implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(ErpStockMoveWorker.class);
    static final String FAILURE_KIND = "erp-stock-move";
    private static final TypeReference<List<StockMove.Line>> LINES = new TypeReference<>() { };

    private final Pool pool;
    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final FailureRecords failures;
    private final PgNotifications notifications;
    private final LateLinkedLines lateLines;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration lease;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    record Claimed(long id, String tenant, String orderId, StockMove.Direction direction, String part,
            String storeSystem, String office, String linesJson, String buyerJson, OffsetDateTime firstSent,
            boolean sentBefore, int attempts) {
    }

    public ErpStockMoveWorker(Pool pool, Connectors connectors, TenantRegistry tenants, FailureRecords failures,
            PgNotifications notifications, LateLinkedLines lateLines, ObjectMapper mapper, MeterRegistry metrics,
            @ConfigProperty(name = "enlace.stock.moves.batch", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "enlace.stock.moves.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "enlace.stock.moves.retry-base", defaultValue = "1s") Duration retryBase,
            @ConfigProperty(name = "enlace.stock.moves.lease", defaultValue = "2m") Duration lease) {
        this.pool = pool;
        this.connectors = connectors;
        this.tenants = tenants;
        this.failures = failures;
        this.notifications = notifications;
        this.lateLines = lateLines;
        this.mapper = mapper;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.lease = lease;
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_stock_move", this::trigger);
    }

    @Scheduled(every = "${enlace.stock.moves.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    void trigger() {
        drain().subscribe().with(v -> { }, err -> LOG.warnf("ERP stock moves failed: %s", err.getMessage()));
    }

    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        // lines whose link appeared since become moves first, so this drain sends them
        return lateLines.moveLinked().replaceWithVoid()
                .chain(this::sendUntilEmpty)
                .eventually(() -> running.set(false))
                .chain(() -> again.getAndSet(false) ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Void> sendUntilEmpty() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(batch.stream().map(this::process).toList()).andCollectFailures()
                        .chain(() -> batch.size() == batchSize ? sendUntilEmpty() : Uni.createFrom().voidItem()));
    }

    /** READY moves, and SENDING ones whose lease ran out (their worker died); committed SENDING before any call. */
    private Uni<List<Claimed>> claim() {
        return pool.preparedQuery("UPDATE erp_stock_move m SET state = 'SENDING', erp_called = true,"
                        + " first_sent_at = COALESCE(m.first_sent_at, now()), attempts = m.attempts + 1,"
                        + " locked_until = now() + make_interval(secs => $2), updated_at = now()"
                        + " FROM (SELECT id, erp_called OR state = 'SENDING' AS sent_before FROM erp_stock_move x"
                        + " WHERE ((x.state = 'READY' AND x.next_attempt_at <= now())"
                        + " OR (x.state = 'SENDING' AND x.locked_until < now()))"
                        + " AND (x.direction = 'OUT' OR EXISTS (SELECT 1 FROM erp_stock_move o WHERE o.tenant = x.tenant"
                        + " AND o.order_id = x.order_id AND o.part = x.part AND o.direction = 'OUT' AND o.state = 'DONE'))"
                        + " ORDER BY x.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due"
                        + " WHERE m.id = due.id"
                        + " RETURNING m.id, m.tenant, m.order_id, m.direction, m.part, m.store_system, m.office, m.lines_json,"
                        + " m.buyer_json,"
                        + " m.first_sent_at, due.sent_before, m.attempts")
                .execute(Tuple.of(batchSize, (double) lease.toSeconds()))
                .map(rows -> {
                    List<Claimed> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new Claimed(r.getLong("id"), r.getString("tenant"), r.getString("order_id"),
                                StockMove.Direction.valueOf(r.getString("direction")), r.getString("part"),
                                r.getString("store_system"), r.getString("office"), r.getString("lines_json"),
                                r.getString("buyer_json"), r.getOffsetDateTime("first_sent_at"),
                                r.getBoolean("sent_before"), r.getInteger("attempts")));
                    }
                    return batch;
                });
    }

    private Uni<Void> process(Claimed c) {
        Tenant tenant = tenants.find(c.tenant()).orElse(null);
        if (tenant == null || tenant.erp() == null) {
            return failed(c, "tenant '" + c.tenant() + "' has no ERP now", true);
        }
        return Uni.createFrom().deferred(() -> {
                    StockMove move = new StockMove(c.tenant(), c.storeSystem(), c.orderId(), c.direction(), c.office(),
                            lines(c.linesJson()), c.firstSent(), c.part(), buyer(c.buyerJson()));
                    ErpStockMoves erp = connectors.require(ErpStockMoves.class, tenant.erp().system());
                    return c.sentBefore()
                            ? erp.find(tenant.erp(), move).chain(found -> found.isPresent()
                                    ? Uni.createFrom().item(found.get()).invoke(() -> metrics.counter(
                                            "enlace.stock.moves.recovered", "direction", c.direction().name()).increment())
                                    : erp.record(tenant.erp(), move))
                            : erp.record(tenant.erp(), move);
                })
                .chain(erpId -> done(c, erpId))
                .onFailure().recoverWithUni(err -> failed(c, err));
    }

    private Uni<Void> done(Claimed c, String erpId) {
        return pool.preparedQuery("UPDATE erp_stock_move SET state = 'DONE', erp_move_id = $2, locked_until = NULL,"
                        + " last_error = NULL, updated_at = now() WHERE id = $1 AND state = 'SENDING'")
                .execute(Tuple.of(c.id(), erpId))
                .invoke(() -> metrics.counter("enlace.stock.moves", "direction", c.direction().name()).increment())
                .chain(() -> failures.resolve(c.tenant(), FAILURE_KIND, reference(c)))
                // a reception that waited for this consumption can go now
                .invoke(() -> {
                    if (c.direction() == StockMove.Direction.OUT) {
                        again.set(true);
                    }
                });
    }

    /** Time-outs, 5xx and 429 may hide a recorded move: retry later, after a lookup. Other refusals need a person. */
    private Uni<Void> failed(Claimed c, Throwable err) {
        String reason = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
        boolean refused = err instanceof ExternalApiException e && e.status() >= 400 && e.status() < 500
                && e.status() != 408 && e.status() != 429;
        return failed(c, reason, refused);
    }

    private Uni<Void> failed(Claimed c, String reason, boolean refused) {
        boolean giveUp = refused || c.attempts() >= maxAttempts;
        long delay = Math.min(retryBase.toMillis() << Math.min(c.attempts() - 1, 10), 60_000);
        LOG.debugf("ERP stock move %s failed (attempt %d): %s", reference(c), c.attempts(), reason);
        Uni<Void> update = pool.preparedQuery("UPDATE erp_stock_move SET state = $2, last_error = $3, locked_until = NULL,"
                        + " next_attempt_at = now() + make_interval(secs => $4), updated_at = now()"
                        + " WHERE id = $1 AND state = 'SENDING'")
                .execute(Tuple.of(c.id(), giveUp ? "FAILED" : "READY", reason, delay / 1000.0))
                .replaceWithVoid();
        return giveUp ? update.chain(() -> failures.record(c.tenant(), FAILURE_KIND, reference(c), reason,
                c.direction() + " order " + c.orderId())) : update;
    }

    /** {@code <order>:<direction>}, then {@code :<SKU>} for a line moved after its link appeared. */
    private static String reference(Claimed c) {
        return c.orderId() + ":" + c.direction().name() + (c.part().isEmpty() ? "" : ":" + c.part());
    }

    private CustomerSnapshot buyer(String json) {
        try {
            return json == null ? null : mapper.readValue(json, CustomerSnapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stored buyer", e);
        }
    }

    private List<StockMove.Line> lines(String json) {
        try {
            return mapper.readValue(json, LINES);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stored stock move", e);
        }
    }

    @Override
    public String kind() {
        return FAILURE_KIND;
    }

    /** A person fixed the cause: the move is tried again, after a lookup since it was sent before. */
    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        String[] ref = failure.reference().split(":", 3);
        return pool.preparedQuery("UPDATE erp_stock_move SET state = 'READY', attempts = 0, next_attempt_at = now()"
                        + " WHERE tenant = $1 AND order_id = $2 AND direction = $3 AND part = $4 AND state = 'FAILED'")
                .execute(Tuple.of(failure.tenant(), ref[0], ref[1], ref.length > 2 ? ref[2] : ""))
                .replaceWithVoid();
    }
}

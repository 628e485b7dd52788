package dev.enlace.stock.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStockMoves;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.messaging.PgNotifications;
import dev.enlace.platform.outbound.ExactlyOnceCalls;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * ST2, exactly once (the pattern of document-service's DO8): a claimed move is SENDING, committed, before
 * the ERP call. A move that may have reached the ERP before (a crash while SENDING, a time-out, a 5xx or
 * 429) is first looked up by its order marker and recorded only if the ERP has none. A reception (IN)
 * waits until the consumption (OUT) of the same part is DONE.
 */
@Singleton
public class ErpStockMoveWorker extends ExactlyOnceCalls<ErpStockMoveWorker.Claimed> {
    static final String FAILURE_KIND = "erp-stock-move";
    private static final TypeReference<List<StockMove.Line>> LINES = new TypeReference<>() { };
    private static final Table TABLE = new Table("erp_stock_move", "direction", StockMove.Direction.OUT.name(),
            List.of("part"), "SENDING", "DONE", FAILURE_KIND,
            List.of("direction", "part", "store_system", "office", "lines_json", "buyer_json", "first_sent_at"),
            "first_sent_at = COALESCE(q.first_sent_at, now())");

    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final PgNotifications notifications;
    private final LateLinkedLines lateLines;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    record Claimed(long id, String tenant, String orderId, StockMove.Direction direction, String part,
            String storeSystem, String office, String linesJson, String buyerJson, OffsetDateTime firstSent,
            boolean sentBefore, int attempts) implements ExactlyOnceCalls.Claimed {
        @Override
        public String step() {
            return direction.name();
        }

        /** {@code <order>:<direction>}, then {@code :<SKU>} for a line moved after its link appeared. */
        @Override
        public List<String> group() {
            return List.of(part);
        }
    }

    public ErpStockMoveWorker(Pool pool, Connectors connectors, TenantRegistry tenants, FailureRecords failures,
            PgNotifications notifications, LateLinkedLines lateLines, ObjectMapper mapper, MeterRegistry metrics,
            @ConfigProperty(name = "enlace.stock.moves.batch", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "enlace.stock.moves.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "enlace.stock.moves.retry-base", defaultValue = "1s") Duration retryBase,
            @ConfigProperty(name = "enlace.stock.moves.lease", defaultValue = "2m") Duration lease) {
        super(pool, failures, TABLE, new Settings(batchSize, maxAttempts, retryBase, lease));
        this.connectors = connectors;
        this.tenants = tenants;
        this.notifications = notifications;
        this.lateLines = lateLines;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_stock_move", this::trigger);
    }

    @Scheduled(every = "${enlace.stock.moves.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    /** Lines whose link appeared since become moves first, so this drain sends them. */
    @Override
    protected Uni<Void> beforeDrain() {
        return lateLines.moveLinked().replaceWithVoid();
    }

    @Override
    protected Claimed claimed(Row r) {
        return new Claimed(r.getLong("id"), r.getString("tenant"), r.getString("order_id"),
                StockMove.Direction.valueOf(r.getString("direction")), r.getString("part"),
                r.getString("store_system"), r.getString("office"), r.getString("lines_json"),
                r.getString("buyer_json"), r.getOffsetDateTime("first_sent_at"),
                r.getBoolean("sent_before"), r.getInteger("attempts"));
    }

    @Override
    protected Uni<Void> send(Claimed c) {
        Tenant tenant = tenants.find(c.tenant()).orElse(null);
        if (tenant == null || tenant.erp() == null) {
            return failed(c, "tenant '" + c.tenant() + "' has no ERP now", true);
        }
        StockMove move = new StockMove(c.tenant(), c.storeSystem(), c.orderId(), c.direction(), c.office(),
                lines(c.linesJson()), c.firstSent(), c.part(), buyer(c.buyerJson()));
        ErpStockMoves erp = connectors.require(ErpStockMoves.class, tenant.erp().system());
        return lookupThenSend(c, () -> erp.find(tenant.erp(), move), () -> erp.record(tenant.erp(), move),
                () -> metrics.counter("enlace.stock.moves.recovered", "direction", c.direction().name()).increment())
                .chain(erpId -> done(c, erpId));
    }

    private Uni<Void> done(Claimed c, String erpId) {
        return pool.preparedQuery("UPDATE erp_stock_move SET state = 'DONE', erp_move_id = $2, locked_until = NULL,"
                        + " last_error = NULL, updated_at = now() WHERE id = $1 AND state = 'SENDING'")
                .execute(Tuple.of(c.id(), erpId))
                .invoke(() -> metrics.counter("enlace.stock.moves", "direction", c.direction().name()).increment())
                .chain(() -> completed(c));
    }

    @Override
    protected String failureDetail(Claimed c) {
        return c.direction() + " order " + c.orderId();
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
}

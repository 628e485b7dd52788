package dev.enlace.stock.messaging;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.StockChanged;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.persistence.StatementBatcher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.stock.domain.StoreStock;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * ST1: reads a variant's stock back from the ERP, applies the store rules and, when the
 * result differs from what was last announced, records it, emits StockChanged and queues the
 * store write ({@link StoreWriteQueue}), all in one statement: the store write does not wait for the
 * event's round trip through the outbox relay and Kafka, and a crash can lose neither. Reading the
 * absolute value (never applying a delta) makes redelivered and reordered notifications harmless. ERP-side sales the tenant keeps out of the store (ST3) are added
 * back first ({@link ErpSalesLedger}); the event's {@code erpQuantity} stays the ERP's own figure.
 */
@ApplicationScoped
public class StockRefresh {
    /**
     * One statement for a batch of readings, so one round trip and one commit for all: a level is written only when
     * it is new or differs from the one announced; only then is its StockChanged added to the outbox; its store write
     * is queued when it changed or the caller asks for it, and kept for in-order sending with coalescing off ($24);
     * and the webhook deliveries that named the variants are marked done. A variant appears at most once.
     */
    private static final String RECORD = "WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[],"
            + " $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::boolean[], $10::timestamptz[],"
            + " $11::uuid[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],"
            + " $19::timestamptz[], $20::text[], $21::boolean[], $22::bigint[], $23::int[]) WITH ORDINALITY"
            + " AS i(tenant, erp_variant_id, erp_system, erp_product_id, sku, scope, erp_quantity, available, unlimited,"
            + " observed_at, event_id, topic, record_key, type, source, subject, event_tenant, causation_id, occurred_at,"
            + " payload, queue_unchanged, settle_id, settle_attempt, ord)),"
            + " level AS (INSERT INTO stock_level AS l (tenant, erp_variant_id, erp_system, erp_product_id, sku, scope,"
            + " erp_quantity, available, unlimited, observed_at) SELECT tenant, erp_variant_id, erp_system, erp_product_id,"
            + " sku, scope, erp_quantity::numeric, available, unlimited, observed_at FROM input ORDER BY ord"
            + " ON CONFLICT (tenant, erp_variant_id) DO UPDATE SET erp_system = EXCLUDED.erp_system,"
            + " erp_product_id = EXCLUDED.erp_product_id, sku = EXCLUDED.sku, scope = EXCLUDED.scope,"
            + " erp_quantity = EXCLUDED.erp_quantity, available = EXCLUDED.available,"
            + " unlimited = EXCLUDED.unlimited, observed_at = EXCLUDED.observed_at"
            + " WHERE l.available <> EXCLUDED.available OR l.unlimited <> EXCLUDED.unlimited"
            + " OR l.erp_quantity IS DISTINCT FROM EXCLUDED.erp_quantity OR l.scope <> EXCLUDED.scope"
            + " RETURNING l.tenant, l.erp_variant_id),"
            + " changed AS (SELECT i.* FROM input i JOIN level USING (tenant, erp_variant_id)),"
            + " announced AS (INSERT INTO " + Outbox.TABLE_COLUMNS + " SELECT event_id, topic, record_key, type, source,"
            + " subject, event_tenant, causation_id, occurred_at, payload FROM changed ORDER BY ord), "
            + StoreWriteQueue.queuedCte("input i JOIN stock_link l ON l.tenant = i.tenant AND l.erp_variant_id = i.erp_variant_id"
                    + " WHERE i.queue_unchanged OR i.ord IN (SELECT ord FROM changed)", "i.available", "i.unlimited", "FALSE")
            + ", kept AS (" + StoreWriteQueue.KEEP_EVERY_CHANGE + "$24::boolean AND EXISTS (SELECT 1 FROM changed c"
            + " JOIN stock_link k ON k.tenant = c.tenant AND k.erp_variant_id = c.erp_variant_id"
            + " WHERE k.tenant = queued.tenant AND k.store_system = queued.store_system"
            + " AND k.store_product_id = queued.store_product_id AND k.store_variant_id = queued.store_variant_id)), "
            + InboxDelivery.settlingCte("input i", "i.settle_id", "i.settle_attempt")
            + " SELECT i.ord, i.ord IN (SELECT ord FROM changed) AS changed FROM input i ORDER BY i.ord";

    /** One reading to record, with its event and the delivery it settles (or null). */
    private record Reading(Tenant tenant, ErpStock stock, String scope, StoreStock store, OffsetDateTime observedAt,
            Outbox.Row event, boolean queueUnchanged, InboxDelivery settling) {
        String key() {
            return tenant.id() + "/" + stock.variantId();
        }
    }

    private final Connectors connectors;
    private final Pool pool;
    private final Outbox outbox;
    private final ErpSalesLedger sales;
    private final boolean everyChange;
    private final StatementBatcher<Reading, Boolean> recorder;

    public StockRefresh(Connectors connectors, Pool pool, Outbox outbox, ErpSalesLedger sales, StockWriteConfig config,
            Vertx vertx, @ConfigProperty(name = "enlace.stock.record-linger", defaultValue = "PT0.005S") Duration linger) {
        this.connectors = connectors;
        this.pool = pool;
        this.outbox = outbox;
        this.sales = sales;
        this.everyChange = !config.coalescing();
        this.recorder = new StatementBatcher<>(vertx, linger, 200, this::recordAll);
    }

    /**
     * @param delivery the notification that named the variant
     * @param last     whether this is the delivery's last variant: its statement then also marks the delivery done
     */
    public Uni<Void> refresh(Tenant tenant, String erpVariantId, InboxDelivery delivery, boolean last) {
        List<String> offices = tenant.settings().stock().offices();
        return connectors.require(ErpStockSource.class, tenant.erp().system())
                .stock(tenant.erp(), erpVariantId, offices)
                .chain(stock -> sales.unitsKeptOut(tenant, stock.variantId())
                        .chain(keptOut -> record(tenant, stock, keptOut, delivery.causationId(), false,
                                last ? delivery : null)))
                .invoke(() -> {
                    if (last) {
                        delivery.settled();
                    }
                })
                .replaceWithVoid();
    }

    /** Records a stock read elsewhere (e.g. in bulk); true when it changed and was announced. */
    Uni<Boolean> record(Tenant tenant, ErpStock stock, String causationId) {
        return record(tenant, stock, causationId, false);
    }

    /**
     * @param queueUnchanged queue the store write even when the level was announced before (a new link: the
     *                       store may never have had it); a value the store was already sent queues nothing
     */
    Uni<Boolean> record(Tenant tenant, ErpStock stock, String causationId, boolean queueUnchanged) {
        return sales.unitsKeptOut(tenant, stock.variantId())
                .chain(keptOut -> record(tenant, stock, keptOut, causationId, queueUnchanged, null));
    }

    /**
     * @param keptOut  units sold ERP-side that the store is not to see (ST3, switch off)
     * @param settling the webhook delivery this statement marks done, or null
     */
    private Uni<Boolean> record(Tenant tenant, ErpStock stock, BigDecimal keptOut, String causationId,
            boolean queueUnchanged, InboxDelivery settling) {
        BigDecimal forStore = stock.quantity() == null || keptOut.signum() == 0 ? stock.quantity() : stock.quantity().add(keptOut);
        StoreStock store = StoreStock.fromErp(forStore, stock.sellWithoutStock(),
                Boolean.TRUE.equals(tenant.settings().stock().preSale()));
        String scope = stock.offices().isEmpty() ? "all" : "office:" + String.join(",", stock.offices());
        OffsetDateTime observedAt = OffsetDateTime.now(ZoneOffset.UTC);
        StockChanged event = new StockChanged(tenant.id(), subject(stock), new ExternalRef(tenant.erp().system(),
                stock.productId() == null ? "" : stock.productId(), stock.variantId()), scope, stock.quantity(),
                store.availableOrNull(), store.unlimited(), observedAt);
        Outbox.Row announced;
        try {
            announced = outbox.rowFor(tenant.id(), subject(stock), event, causationId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return recorder.add(new Reading(tenant, stock, scope, store, observedAt, announced, queueUnchanged, settling));
    }

    /** Records a batch: a variant read twice goes to a later statement, as one statement can write a row once. */
    private Uni<List<Boolean>> recordAll(List<Reading> readings) {
        List<Reading> now = new ArrayList<>();
        List<Reading> later = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        readings.forEach(r -> (keys.add(r.key()) ? now : later).add(r));
        if (later.isEmpty()) {
            return recordDistinct(readings);
        }
        return recordDistinct(now).chain(first -> recordAll(later).map(rest -> {
            java.util.Iterator<Boolean> a = first.iterator();
            java.util.Iterator<Boolean> b = rest.iterator();
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<Boolean> answers = new ArrayList<>(readings.size());
            readings.forEach(r -> answers.add(seen.add(r.key()) ? a.next() : b.next()));
            return answers;
        }));
    }

    private Uni<List<Boolean>> recordDistinct(List<Reading> readings) {
        int n = readings.size();
        Object[][] columns = {new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new Long[n], new Boolean[n], new OffsetDateTime[n], new java.util.UUID[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new OffsetDateTime[n], new String[n], new Boolean[n], new Long[n], new Integer[n]};
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            List<Object> row = new ArrayList<>(23);
            row.addAll(java.util.Arrays.asList(r.tenant().id(), r.stock().variantId(), r.tenant().erp().system(),
                    r.stock().productId(), r.stock().sku(), r.scope(),
                    r.stock().quantity() == null ? null : r.stock().quantity().toPlainString(), r.store().available(),
                    r.store().unlimited(), r.observedAt()));
            row.addAll(r.event().values());
            row.add(r.queueUnchanged());
            row.add(r.settling() == null ? -1L : r.settling().id());
            row.add(r.settling() == null ? 0 : r.settling().attempt());
            for (int c = 0; c < row.size(); c++) {
                columns[c][i] = row.get(c);
            }
        }
        List<Object> args = new ArrayList<>(java.util.Arrays.asList((Object[]) columns));
        args.add(everyChange);
        return pool.preparedQuery(RECORD).execute(Tuple.from(args)).map(rows -> {
            List<Boolean> changed = new ArrayList<>(n);
            rows.forEach(row -> changed.add(row.getBoolean("changed")));
            return changed;
        });
    }

    /** Stock is keyed by SKU; a variant without one is keyed by its ERP id. */
    static String subject(ErpStock stock) {
        return stock.sku() == null || stock.sku().isBlank() ? "erp-variant:" + stock.variantId() : stock.sku();
    }
}

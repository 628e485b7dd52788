package dev.enlace.stock.messaging;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.StockChanged;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.stock.domain.StoreStock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
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
     * One statement, so one round trip and one commit: the level is written only when it is new or differs from the
     * one announced; only then is StockChanged added to the outbox; the store write is queued when the level changed
     * or the caller asks for it ($21), and kept for in-order sending with coalescing off ($22); and the webhook
     * delivery that named the variant ($23, or -1) is marked done.
     */
    private static final String RECORD = "WITH level AS (INSERT INTO stock_level AS l (tenant, erp_variant_id, erp_system,"
            + " erp_product_id, sku, scope, erp_quantity, available, unlimited, observed_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            + " ON CONFLICT (tenant, erp_variant_id) DO UPDATE SET erp_system = EXCLUDED.erp_system,"
            + " erp_product_id = EXCLUDED.erp_product_id, sku = EXCLUDED.sku, scope = EXCLUDED.scope,"
            + " erp_quantity = EXCLUDED.erp_quantity, available = EXCLUDED.available,"
            + " unlimited = EXCLUDED.unlimited, observed_at = EXCLUDED.observed_at"
            + " WHERE l.available <> EXCLUDED.available OR l.unlimited <> EXCLUDED.unlimited"
            + " OR l.erp_quantity IS DISTINCT FROM EXCLUDED.erp_quantity OR l.scope <> EXCLUDED.scope RETURNING 1),"
            + " announced AS (INSERT INTO " + Outbox.TABLE_COLUMNS
            + " SELECT $11::uuid, $12::text, $13::text, $14::text, $15::text, $16::text, $17::text, $18::text,"
            + " $19::timestamptz, $20::text FROM level),"
            + " " + StoreWriteQueue.queuedCte("$1", "$2", "$8::bigint", "$9::boolean", "FALSE", "($21::boolean OR EXISTS (SELECT 1 FROM level))")
            + ", kept AS (" + StoreWriteQueue.KEEP_EVERY_CHANGE + "$22::boolean AND EXISTS (SELECT 1 FROM level)), "
            + InboxDelivery.settlingCte("$23::bigint", "$24::int")
            + " SELECT count(*) AS changed FROM level";

    private final Connectors connectors;
    private final Pool pool;
    private final Outbox outbox;
    private final ErpSalesLedger sales;
    private final boolean everyChange;

    public StockRefresh(Connectors connectors, Pool pool, Outbox outbox, ErpSalesLedger sales, StockWriteConfig config) {
        this.connectors = connectors;
        this.pool = pool;
        this.outbox = outbox;
        this.sales = sales;
        this.everyChange = !config.coalescing();
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
        List<Object> args = new ArrayList<>(24);
        args.addAll(List.of(tenant.id(), stock.variantId(), tenant.erp().system()));
        args.add(stock.productId());
        args.add(stock.sku());
        args.add(scope);
        args.add(stock.quantity());
        args.addAll(List.of(store.available(), store.unlimited(), observedAt));
        args.addAll(announced.values());
        args.addAll(List.of(queueUnchanged, everyChange));
        args.addAll(settling == null ? List.of(-1L, 0) : List.of(settling.id(), settling.attempt()));
        return pool.preparedQuery(RECORD).execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong("changed") > 0);
    }

    /** Stock is keyed by SKU; a variant without one is keyed by its ERP id. */
    static String subject(ErpStock stock) {
        return stock.sku() == null || stock.sku().isBlank() ? "erp-variant:" + stock.variantId() : stock.sku();
    }
}

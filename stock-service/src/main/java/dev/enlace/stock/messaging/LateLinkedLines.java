package dev.enlace.stock.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * ST2 for lines whose SKU was not linked when their order was paid: once ProductLinked has put the link
 * in {@code stock_link}, each waiting line becomes its own OUT move (part = the SKU), READY for
 * {@link ErpStockMoveWorker}. One statement marks the line MOVED and inserts the move, so a line moves
 * once; an order cancelled first has marked its lines CANCELLED, and they never move. Reading the links
 * rather than the event also covers a link saved while its order was being reserved.
 */
@ApplicationScoped
public class LateLinkedLines {
    private final Pool pool;

    public LateLinkedLines(Pool pool) {
        this.pool = pool;
    }

    /** Turns every waiting line whose SKU is linked now into a move; answers how many. */
    public Uni<Integer> moveLinked() {
        return pool.query("WITH moved AS (UPDATE erp_stock_move_pending p SET state = 'MOVED', updated_at = now()"
                        + " FROM stock_link l WHERE p.state = 'WAITING' AND l.tenant = p.tenant AND l.sku = p.sku"
                        + " RETURNING p.tenant, p.order_id, p.sku, p.quantity, p.unit_price, p.store_system, p.erp_system,"
                        + " p.office, p.buyer_json, l.erp_variant_id)"
                        + " INSERT INTO erp_stock_move (tenant, order_id, direction, part, store_system, erp_system, office,"
                        + " lines_json, buyer_json, state)"
                        + " SELECT tenant, order_id, 'OUT', sku, store_system, erp_system, office,"
                        + " json_build_array(json_build_object('variantId', erp_variant_id, 'sku', sku,"
                        + " 'quantity', quantity, 'unitPrice', unit_price))::text, buyer_json, 'READY' FROM moved"
                        + " ON CONFLICT DO NOTHING")
                .execute()
                .map(rows -> rows.rowCount());
    }
}

package dev.enlace.platform.connectors;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stock move Enlace makes in an ERP for a store order (ST2).
 *
 * @param orderId   the store order's id
 * @param direction OUT for a sale, IN for its cancellation
 * @param office    the ERP office / warehouse; null = the ERP's default one
 * @param lines     the ERP variants and quantities
 * @param firstSent when the move was first sent, so a lookup knows how far back to search
 */
public record StockMove(String tenant, String storeSystem, String orderId, Direction direction, String office,
        List<Line> lines, OffsetDateTime firstSent) {

    public enum Direction { OUT, IN }

    public record Line(String variantId, String sku, BigDecimal quantity) {
    }

    public StockMove {
        lines = List.copyOf(lines);
    }

    /** The text the ERP keeps with the move (a note or reference) and lookups match on. */
    public String marker() {
        return "Enlace " + (direction == Direction.OUT ? "venta" : "anulación") + " pedido " + storeSystem + " #" + orderId;
    }
}

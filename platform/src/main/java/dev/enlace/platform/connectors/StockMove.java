package dev.enlace.platform.connectors;

import dev.enlace.events.CustomerSnapshot;

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
 * @param part      "" for the order's lines linked when it was paid; the SKU of a line moved later, once
 *                  its link appeared (one move per such line, so each is found and made once)
 * @param buyer     the order's buyer, for ERPs whose move is a sales document naming a customer
 *                  (MoySklad's customer order); may be null
 */
public record StockMove(String tenant, String storeSystem, String orderId, Direction direction, String office,
        List<Line> lines, OffsetDateTime firstSent, String part, CustomerSnapshot buyer) {

    public enum Direction { OUT, IN }

    /** @param unitPrice the order's unit price, in the order's currency; null when not known */
    public record Line(String variantId, String sku, BigDecimal quantity, BigDecimal unitPrice) {
    }

    public StockMove {
        lines = List.copyOf(lines);
        part = part == null ? "" : part;
    }

    public StockMove(String tenant, String storeSystem, String orderId, Direction direction, String office,
            List<Line> lines, OffsetDateTime firstSent) {
        this(tenant, storeSystem, orderId, direction, office, lines, firstSent, "", null);
    }

    /** The text the ERP keeps with the move (a note or reference) and lookups match on. */
    public String marker() {
        return "Enlace " + (direction == Direction.OUT ? "venta" : "anulación") + " pedido " + storeSystem + " #" + orderId
                + (part.isEmpty() ? "" : " (" + part + ")");
    }
}

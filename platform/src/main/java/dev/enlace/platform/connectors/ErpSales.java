package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * ST3: sales made in the ERP itself (at its counter, by its sellers), told apart from the ERP's other stock
 * moves and from the documents Enlace issues there for store orders. Lets stock-service keep those sales
 * out of the store when the tenant's {@code stock.erpSalesToStore} switch is off.
 */
public interface ErpSales extends Capability {

    /**
     * ERP sales created at or after {@code since}, except those whose document id is in {@code known}
     * (their lines are not read again).
     */
    Multi<Sale> salesSince(Connection connection, OffsetDateTime since, Set<String> known);

    /** One sale document and the ERP variants it sold. */
    record Sale(String documentId, OffsetDateTime createdAt, List<Line> lines) {
        public Sale {
            lines = List.copyOf(lines);
        }
    }

    record Line(String variantId, BigDecimal quantity) {
    }
}

package dev.enlace.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The sellable stock of one SKU of a tenant changed (ST1, ST3). Carries the absolute value,
 * never a delta, so it is idempotent and safe to coalesce: the latest event per key wins.
 *
 * @param sku         the SKU whose stock changed
 * @param erp         the variant in the ERP the quantity was read from
 * @param scope       the warehouses the quantity covers: {@code office:<id>} or {@code all} (ST8)
 * @param erpQuantity the ERP's own available quantity, before the store rules (may be
 *                    fractional or negative; null when the ERP tracks no stock)
 * @param available   what the store may sell: whole and never negative (ST5, ST6); null when
 *                    {@code unlimited}
 * @param unlimited   the store sells without a stock limit (ST7 pre-sale)
 * @param observedAt  when the ERP reported the quantity
 */
public record StockChanged(
        String tenant,
        String sku,
        ExternalRef erp,
        String scope,
        BigDecimal erpQuantity,
        Long available,
        boolean unlimited,
        OffsetDateTime observedAt) {

    public static final String TYPE = "enlace.stock.changed.v1";

    public StockChanged {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}

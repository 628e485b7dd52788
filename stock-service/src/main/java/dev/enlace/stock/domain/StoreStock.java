package dev.enlace.stock.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a store may sell of a variant: a whole, non-negative number, or no limit at all.
 *
 * @param available ignored when {@code unlimited}
 */
public record StoreStock(long available, boolean unlimited) {

    public static final StoreStock UNLIMITED = new StoreStock(0, true);

    /**
     * The store rules, applied to the ERP's quantity:
     * ST7 an ERP variant sellable without stock is unlimited in the store when the tenant turned
     * pre-sale on; otherwise only what exists can be sold;
     * ST5 a fractional quantity is rounded down (a store sells whole units);
     * ST6 a negative quantity is 0.
     */
    public static StoreStock fromErp(BigDecimal erpQuantity, boolean sellWithoutStock, boolean preSale) {
        if (sellWithoutStock && preSale) {
            return UNLIMITED;
        }
        if (erpQuantity == null || erpQuantity.signum() <= 0) {
            return new StoreStock(0, false);
        }
        return new StoreStock(erpQuantity.setScale(0, RoundingMode.FLOOR).longValueExact(), false);
    }

    /** The value the StockChanged event carries: null when unlimited. */
    public Long availableOrNull() {
        return unlimited ? null : available;
    }
}

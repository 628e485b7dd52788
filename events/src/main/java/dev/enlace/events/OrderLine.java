package dev.enlace.events;

import java.math.BigDecimal;

/**
 * One line of a store order.
 *
 * @param unitPrice   the price of one unit as the store charged it
 * @param discount    the discount on the whole line (DO7), zero when none
 * @param taxRate     the tax percentage that applies, e.g. 19
 * @param taxIncluded whether {@code unitPrice} already contains the tax
 */
public record OrderLine(
        String sku,
        String productId,
        String variantId,
        String name,
        BigDecimal quantity,
        Money unitPrice,
        Money discount,
        BigDecimal taxRate,
        boolean taxIncluded) {
}

package dev.enlace.events;

import java.math.BigDecimal;

/**
 * One line of a store order.
 *
 * @param sku         the variant's SKU, which links it to the ERP (DO5)
 * @param quantity    units sold; may be fractional for goods sold by weight or length
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

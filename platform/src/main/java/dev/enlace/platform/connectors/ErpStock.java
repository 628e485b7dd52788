package dev.enlace.platform.connectors;

import java.math.BigDecimal;
import java.util.List;

/**
 * The stock of one ERP variant, as the ERP reports it, before any store rule applies.
 *
 * @param quantity         the available quantity over the warehouses asked for (may be
 *                         fractional or negative)
 * @param sellWithoutStock the ERP lets this variant be sold with no stock (Bsale "venta sin
 *                         stock" or unlimited stock)
 * @param offices          the warehouses summed
 */
public record ErpStock(String variantId, String productId, String sku, BigDecimal quantity,
        boolean sellWithoutStock, List<String> offices) {
}

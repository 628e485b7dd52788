package dev.enlace.catalog.persistence;

import dev.enlace.events.ExternalRef;

import java.math.BigDecimal;

/**
 * One variant of one side as the manual-link lists show it (CA2).
 *
 * @param variantId null where a store product has no separate variants
 * @param stock     the stock in the office asked for; null when no office was asked for
 * @param linkId    the link's id when linked, to unlink it
 * @param method    how it was linked (SKU, MANUAL, IMPORT, EXTERNAL_ID)
 * @param linkedTo  the variant on the other side it is linked to
 */
public record VariantView(String system, String productId, String variantId, String sku, String name,
        BigDecimal stock, boolean linked, Long linkId, String method, ExternalRef linkedTo) {
}

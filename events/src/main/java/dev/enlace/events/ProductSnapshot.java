package dev.enlace.events;

import java.util.List;
import java.util.Objects;

/**
 * The full state of a product in one system: enough to rebuild a catalogue from scratch.
 *
 * @param system    the system that holds the product, e.g. {@code bsale}
 * @param productId the product's id in that system
 * @param status    the system's own status, e.g. {@code active}
 */
public record ProductSnapshot(
        String system,
        String productId,
        String name,
        String description,
        String status,
        List<String> categories,
        List<String> imageUrls,
        List<VariantSnapshot> variants) {

    public ProductSnapshot {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(productId, "productId");
    }

    /**
     * One sellable unit; the SKU lives here.
     *
     * @param variantId the variant's id; null where the product has no separate variants
     * @param options   the option values that tell this variant apart, e.g. {@code red}, {@code XL}
     */
    public record VariantSnapshot(
            String variantId,
            String sku,
            String barcode,
            Money price,
            List<String> options) {
    }
}

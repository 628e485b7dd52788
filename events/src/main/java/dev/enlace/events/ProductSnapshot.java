package dev.enlace.events;

import java.util.List;

/** The full state of a product in one system: enough to rebuild a catalogue from scratch. */
public record ProductSnapshot(
        String system,
        String productId,
        String name,
        String description,
        String status,
        List<String> categories,
        List<String> imageUrls,
        List<VariantSnapshot> variants) {

    /** One sellable unit; the SKU lives here. */
    public record VariantSnapshot(
            String variantId,
            String sku,
            String barcode,
            Money price,
            List<String> options) {
    }
}

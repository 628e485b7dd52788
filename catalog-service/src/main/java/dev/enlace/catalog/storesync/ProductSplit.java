package dev.enlace.catalog.storesync;

import dev.enlace.events.ProductSnapshot;

import java.util.List;

/**
 * Pure rules of store -> ERP product sync (CA4, CA6). ERP products here are written one per store
 * variant: relBase has no variants at all, and a product per variant keeps every link a plain
 * (store variant, ERP product) pair. A variant's ERP product is named after the product, with the
 * variant's options in brackets when the product has several variants.
 */
public final class ProductSplit {
    private ProductSplit() {
    }

    /** One single-variant snapshot per variant of {@code product}, in the product's order. */
    public static List<ProductSnapshot> perVariant(ProductSnapshot product) {
        List<ProductSnapshot.VariantSnapshot> variants = product.variants() == null ? List.of() : product.variants();
        if (variants.size() <= 1) {
            return List.of(product);
        }
        return variants.stream().map(v -> new ProductSnapshot(product.system(), product.productId(),
                nameOf(product.name(), v), product.description(), product.status(), product.categories(),
                product.imageUrls(), List.of(v))).toList();
    }

    static String nameOf(String productName, ProductSnapshot.VariantSnapshot variant) {
        List<String> options = variant.options() == null ? List.of()
                : variant.options().stream().filter(o -> o != null && !o.isBlank()).toList();
        if (!options.isEmpty()) {
            return productName + " (" + String.join(", ", options) + ")";
        }
        return variant.sku() == null || variant.sku().isBlank() ? productName : productName + " (" + variant.sku() + ")";
    }

    /**
     * CA4 MoySklad -> store: a skeleton carries name, description and groups only; prices and
     * images wait for the price mapping and image switch of continuous sync (the seed's wording).
     */
    public static ProductSnapshot skeleton(ProductSnapshot product) {
        List<ProductSnapshot.VariantSnapshot> variants = product.variants() == null ? List.of() : product.variants()
                .stream().map(v -> new ProductSnapshot.VariantSnapshot(v.variantId(), v.sku(), v.barcode(), null, v.options()))
                .toList();
        return new ProductSnapshot(product.system(), product.productId(), product.name(), product.description(),
                product.status(), product.categories(), List.of(), variants);
    }
}

package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * A variant with what product sync reads (CA3, CA5): its SKU fields, the characteristics that tell it
 * apart and its sale prices (the product's where it has none of its own, moysklad.md §4.2).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladCatalogVariant(String id, String name, String code, String article, boolean archived,
        MoyskladMeta.Ref product, List<MoyskladCatalogProduct.SalePrice> salePrices, List<Characteristic> characteristics,
        List<Map<String, String>> barcodes) {

    public String productId() {
        return product == null || product.meta() == null ? null : product.meta().id();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Characteristic(String id, String name, String value) {
    }
}

package dev.enlace.connector.jumpseller.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Jumpseller product with everything product sync reads and compares (CA3, CA5, CA6): texts, categories, images
 * and the variants' options. {@link JumpsellerProduct} is the stock-only view.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JumpsellerCatalogProduct(long id, String name, String description, String sku, String barcode,
        BigDecimal price, String status, List<Category> categories, List<Image> images, List<Variant> variants) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Wrapped(JumpsellerCatalogProduct product) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(Long id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(Long id, Integer position, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(long id, String sku, String barcode, BigDecimal price, List<Option> options) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String name, String value) {
    }

    /** {@code GET /store/info.json?fields=currency}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoreInfo(String currency) {
    }
}

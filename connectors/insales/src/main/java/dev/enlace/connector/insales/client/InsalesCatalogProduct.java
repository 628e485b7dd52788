package dev.enlace.connector.insales.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product with everything product sync reads (CA4, CA5): description, the category and
 * collections it is in, images and the variants' prices. Money comes as decimal strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsalesCatalogProduct(long id, String title, String description, Boolean archived,
        @JsonProperty("is_hidden") Boolean hidden, @JsonProperty("category_id") Long categoryId,
        @JsonProperty("collections_ids") List<Long> collectionIds, List<Image> images, List<Variant> variants) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(long id, Integer position, @JsonProperty("original_url") String originalUrl, String filename) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(long id, String sku, String barcode, String title, BigDecimal price) {
    }

    /** A product in a storefront collection. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Collect(long id, @JsonProperty("product_id") long productId, @JsonProperty("collection_id") long collectionId) {
    }

    /** A back-office category or a storefront collection. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(long id, String title, @JsonProperty("parent_id") Long parentId) {
    }
}

package dev.enlace.connector.smarty.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Smarty product (framework360-smarty.md §B.2): prices are decimal strings, {@code category} a comma-separated
 * path, {@code tax_id} an entry of Smarty's own VAT table. Null fields are left out, so a {@code put} with only
 * {@code stock} changes only the stock. {@code variations} comes with the list (a guess, see SmartyGuesses).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmartyProduct(Long id, String sku, String ean, String title, String description,
        @JsonProperty("description_short") String descriptionShort, String category, List<String> supplier,
        String brand, String price, @JsonProperty("purchase_price") String purchasePrice, String weight,
        BigDecimal stock, @JsonProperty("tax_id") Integer taxId, List<String> images,
        @JsonProperty("last_update") String lastUpdate, List<Variation> variations) {

    /** Only the stock, for {@code PUT Products/put/{id}}. */
    public static SmartyProduct stockOnly(BigDecimal stock) {
        return new SmartyProduct(null, null, null, null, null, null, null, null, null, null, null, null, stock, null,
                null, null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variation(Long id, @JsonProperty("product_id") Long productId, String sku, String ean, String price,
            @JsonProperty("purchase_price") String purchasePrice, @JsonProperty("tax_id") Integer taxId,
            BigDecimal stock, List<Detail> detail) {

        /** {@code PUT Variations/put/{id}} needs the product id with the changed fields. */
        public static Variation stockOnly(long productId, BigDecimal stock) {
            return new Variation(null, productId, null, null, null, null, null, stock, null);
        }
    }

    /** One attribute of a variation, e.g. Colore = Blu. */
    public record Detail(String name, String value) {
    }
}

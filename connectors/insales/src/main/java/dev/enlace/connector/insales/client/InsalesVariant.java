package dev.enlace.connector.insales.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A variant; {@code quantity} null means inSales does not track its stock. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsalesVariant(long id, @JsonProperty("product_id") Long productId, String sku, String title, Integer quantity) {

    /**
     * One line of a group update. {@code quantity} is always sent, null included: null is how
     * a variant is made to sell without a stock limit.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QuantityUpdate(long id, Integer quantity) {
    }

    public record GroupUpdate(List<QuantityUpdate> variants) {
    }

    /** The answer for one variant of a group update: {@code ok} or {@code error}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(long id, String status, Object errors) {
        public boolean ok() {
            return "ok".equals(status);
        }
    }
}

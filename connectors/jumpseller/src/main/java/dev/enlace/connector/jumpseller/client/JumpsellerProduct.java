package dev.enlace.connector.jumpseller.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** A Jumpseller product; stock is an integer everywhere in Jumpseller. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JumpsellerProduct(long id, String name, String sku, BigDecimal price, Integer stock,
        @JsonProperty("stock_unlimited") Boolean stockUnlimited, String status, List<JumpsellerVariant> variants) {

    /** Lists and single reads wrap every product in a {@code product} key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Wrapped(JumpsellerProduct product) {
    }
}

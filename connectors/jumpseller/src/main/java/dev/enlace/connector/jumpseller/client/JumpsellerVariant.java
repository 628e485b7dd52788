package dev.enlace.connector.jumpseller.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

@JsonIgnoreProperties(ignoreUnknown = true)
public record JumpsellerVariant(Long id, String sku, BigDecimal price, Integer stock,
        @JsonProperty("stock_unlimited") Boolean stockUnlimited) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Wrapped(JumpsellerVariant variant) {
    }

    /** The body of a stock-only update: absent fields stay as they are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockUpdate(Integer stock, @JsonProperty("stock_unlimited") Boolean stockUnlimited) {
    }

    public record WrappedStockUpdate(StockUpdate variant) {
    }

    public record WrappedProductStockUpdate(StockUpdate product) {
    }
}

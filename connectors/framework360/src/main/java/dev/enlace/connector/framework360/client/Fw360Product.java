package dev.enlace.connector.framework360.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/** A product of the guessed {@code products/list}: stock ({@code giacenza}) on the product or on its variants. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fw360Product(long id, String sku, String nome, BigDecimal prezzo, Long giacenza, List<Variant> varianti) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(long id, String sku, String nome, Long giacenza) {
    }

    /** The guessed {@code products/updateStock} body; {@code giacenza} null = unlimited. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockUpdate(long id, Long variante, @JsonInclude(JsonInclude.Include.ALWAYS) Long giacenza) {
    }
}

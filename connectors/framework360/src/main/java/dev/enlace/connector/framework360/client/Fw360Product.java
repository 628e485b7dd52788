package dev.enlace.connector.framework360.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product of the guessed {@code products/list} / {@code products/get}: stock ({@code giacenza}) on the product or
 * on its variants; {@code categorie} are names, {@code immagini} URLs, {@code attivo} false hides it from the shop.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fw360Product(long id, String sku, String nome, String descrizione, BigDecimal prezzo, String ean,
        Boolean attivo, Long giacenza, List<String> categorie, List<String> immagini, List<Variant> varianti) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(long id, String sku, String nome, BigDecimal prezzo, String ean, Long giacenza) {
    }

    /** The guessed {@code products/updateStock} body; {@code giacenza} null = unlimited. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockUpdate(long id, Long variante, @JsonInclude(JsonInclude.Include.ALWAYS) Long giacenza) {
    }

    /**
     * The guessed {@code products/create} and {@code products/update} body: fields left null are not sent, so an
     * update leaves them as the site has them ({@code id} only on update, {@code giacenza} only on create).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Write(Long id, String sku, String nome, String descrizione, BigDecimal prezzo, String ean,
            Boolean attivo, Long giacenza, List<String> categorie, List<String> immagini, List<VariantWrite> varianti) {
    }

    /** A variant in a write: with {@code id} it updates that variant, without one it is added. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VariantWrite(Long id, String sku, String nome, BigDecimal prezzo, String ean, Long giacenza) {
    }
}

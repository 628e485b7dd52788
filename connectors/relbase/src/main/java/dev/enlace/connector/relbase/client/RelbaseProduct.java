package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** A relBase product: no variants, {@code code} is the SKU; stock comes per warehouse in {@code inventories}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseProduct(long id, String name, String code, String barcode, BigDecimal price,
        @JsonProperty("tax_affected") Boolean taxAffected, List<Inventory> inventories, String description,
        @JsonProperty("url_image") String urlImage) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inventory(@JsonProperty("ware_house_id") long wareHouseId, BigDecimal stock) {
    }
}

package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** A product with the fields product sync writes (CA6): {@code code} is the SKU, {@code url_image} its picture. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseCatalogProduct(long id, String name, String code, String barcode, String description,
        BigDecimal price, @JsonProperty("url_image") String urlImage) {
}

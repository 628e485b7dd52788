package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Bsale variant: the sellable unit, whose {@code code} is the SKU. Flags are 0/1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleVariant(long id, String description, String code, String barCode, int unlimitedStock,
        int allowNegativeStock, int state, BsaleProductRef product) {

    /** The product, as a reference or expanded ({@code expand=[product]}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BsaleProductRef(String href, String id, String name, Integer stockControl, Integer state) {
    }
}

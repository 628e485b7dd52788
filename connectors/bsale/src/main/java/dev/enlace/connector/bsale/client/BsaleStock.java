package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** One stock row: a variant in one office. Quantities are floats in Bsale. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleStock(long id, BigDecimal quantity, BigDecimal quantityReserved, BigDecimal quantityAvailable,
        BsaleRef variant, BsaleRef office) {
}

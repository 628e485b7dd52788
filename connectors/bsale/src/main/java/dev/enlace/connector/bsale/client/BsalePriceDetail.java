package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** One variant's price in a price list: {@code variantValue} is net, {@code variantValueWithTaxes} gross. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsalePriceDetail(long id, BigDecimal variantValue, BigDecimal variantValueWithTaxes, BsaleRef variant) {
}

package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A price list; its id is a string in Bsale's answers, unlike other top-level ids. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsalePriceList(String id, String name, int state) {
}

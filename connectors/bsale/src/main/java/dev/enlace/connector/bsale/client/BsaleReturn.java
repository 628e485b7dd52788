package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A return (bsale.md §8); the credit note itself is the document {@code credit_note}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleReturn(long id, @JsonProperty("credit_note") BsaleRef creditNote) {
}

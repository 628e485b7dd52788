package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A nested reference: Bsale sends the id as a string here, unlike top-level ids. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleRef(String href, String id) {
}

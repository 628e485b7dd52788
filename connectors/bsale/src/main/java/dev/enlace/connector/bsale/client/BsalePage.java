package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** Bsale's list envelope: {@code next} is present only while more pages exist. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsalePage<T>(String href, int count, int limit, int offset, List<T> items, String next) {
}

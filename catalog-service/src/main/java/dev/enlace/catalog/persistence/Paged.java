package dev.enlace.catalog.persistence;

import java.util.List;

/** One page of a list, with the number of items over all pages. */
public record Paged<T>(List<T> items, int page, int size, long total) {
}

package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A product was created or changed in the system that masters it (CA5, CA6). Carries the full
 * state, not a diff, so a new consumer can rebuild the catalogue from the compacted topic.
 *
 * @param product   the product's full state after the change
 * @param updatedAt when the master system changed the product
 */
public record ProductUpdated(
        String tenant,
        ProductSnapshot product,
        OffsetDateTime updatedAt) {

    public static final String TYPE = "enlace.catalog.product-updated.v1";

    public ProductUpdated {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

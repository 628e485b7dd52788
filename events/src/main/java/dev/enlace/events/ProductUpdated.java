package dev.enlace.events;

import java.time.OffsetDateTime;

/**
 * A product was created or changed in the system that masters it (CA5, CA6). Carries the full
 * state, not a diff, so a new consumer can rebuild the catalogue from the compacted topic.
 */
public record ProductUpdated(
        String tenant,
        ProductSnapshot product,
        OffsetDateTime updatedAt) {

    public static final String TYPE = "enlace.catalog.product-updated.v1";
}

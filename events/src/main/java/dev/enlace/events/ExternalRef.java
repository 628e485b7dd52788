package dev.enlace.events;

import java.util.Objects;

/**
 * Where a product variant lives in one external system: the system's name
 * ({@code bsale}, {@code jumpseller}, ...) and its own ids, kept as strings because
 * every system types them differently.
 *
 * @param variantId the variant's id; null where the product has no separate variants
 */
public record ExternalRef(String system, String productId, String variantId) {
    public ExternalRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(productId, "productId");
    }
}

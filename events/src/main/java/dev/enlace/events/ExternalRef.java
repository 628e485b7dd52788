package dev.enlace.events;

/**
 * Where a product variant lives in one external system: the system's name
 * ({@code bsale}, {@code jumpseller}, ...) and its own ids, kept as strings because
 * every system types them differently.
 */
public record ExternalRef(String system, String productId, String variantId) {
}

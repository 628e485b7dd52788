package dev.enlace.platform.connectors;

import dev.enlace.events.ExternalRef;

/** One sellable variant as a system lists it, enough to link it by SKU (CA1) or by hand (CA2). */
public record CatalogVariant(ExternalRef ref, String sku, String name) {
}

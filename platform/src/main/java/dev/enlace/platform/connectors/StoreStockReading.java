package dev.enlace.platform.connectors;

import dev.enlace.events.ExternalRef;

/** What a store shows for one variant now (ST9: finding drift). */
public record StoreStockReading(ExternalRef variant, String sku, long stock, boolean unlimited) {
}

package dev.enlace.stock.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stock-service writes to stores, per deployment. */
@ConfigMapping(prefix = "enlace.stock.writes")
public interface StockWriteConfig {

    /**
     * On (default): changes to one SKU inside the outbound window leave as one write of the latest value.
     * Off: every change is written, in order (for stores or audits that need each step; costs API budget).
     */
    @WithDefault("true")
    boolean coalescing();
}

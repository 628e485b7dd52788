package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

/** Reads the stock the store shows for every variant, page by page (ST9). */
public interface StoreStockSnapshot extends Capability {
    Multi<StoreStockReading> stock(Connection connection);
}

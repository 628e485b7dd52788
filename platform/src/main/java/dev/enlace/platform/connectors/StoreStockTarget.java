package dev.enlace.platform.connectors;

import dev.enlace.events.ExternalRef;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

/** Writes a variant's sellable stock into a store (ST1). */
public interface StoreStockTarget extends Capability {
    /** @param available ignored when {@code unlimited} */
    Uni<Void> writeStock(Connection connection, ExternalRef variant, long available, boolean unlimited);
}

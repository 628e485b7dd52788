package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

/**
 * Subscribes Enlace to a store's order webhooks (OP1, OP4), for stores whose API lets an app
 * register them, so that connecting a store is enough for its orders to arrive.
 */
public interface StoreOrderHooks extends Capability {
    /** Makes sure every order event the connector reads is sent to {@code url}; returns how many were added. */
    Uni<Integer> ensureOrderHooks(Connection store, String url);
}

package dev.enlace.platform.connectors;

import dev.enlace.platform.ingress.InboxDelivery;

import java.util.List;

/**
 * A store's product webhooks (CA5 with the store as master, CA6): which topics announce product
 * changes, and which products a delivery names. The product itself is read back through
 * {@link ProductCatalog}, so a late or repeated delivery always pushes the current state.
 */
public interface StoreProductSignals extends Capability {

    /** Whether deliveries of this topic announce created or changed products. */
    boolean carriesProducts(String topic);

    /** The ids of the products a delivery of such a topic names. */
    List<String> productIds(InboxDelivery delivery);
}

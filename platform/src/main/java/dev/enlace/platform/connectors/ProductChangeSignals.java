package dev.enlace.platform.connectors;

import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

/**
 * Reads a system's product webhooks (CA5, CA6): which of its topics mean "a product changed" and which
 * products a delivery is about. A system without product webhooks offers no such bean and is polled.
 */
public interface ProductChangeSignals extends Capability {

    /** Whether deliveries of this topic tell of a product created or changed (products, variants, prices). */
    boolean carriesProducts(String topic);

    /** The ids of the products the delivery is about, as {@link ProductCatalog#product} takes them. */
    Multi<String> changedProducts(Connection connection, InboxDelivery delivery);
}

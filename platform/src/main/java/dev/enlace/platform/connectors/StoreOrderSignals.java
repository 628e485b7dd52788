package dev.enlace.platform.connectors;

import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** Reads a store's order webhooks into orders (OR1). */
public interface StoreOrderSignals extends Capability {
    boolean carriesOrders(String topic);

    /**
     * The order the delivery is about, as the store holds it now (it may read the order back
     * from the store's API when the webhook is thin). Empty when the delivery is not about an order.
     */
    Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery);

    /** As {@link #read(Connection, InboxDelivery)}, for a store whose DO6 data sits in custom checkout fields. */
    default Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery, TenantSettings.CheckoutLabels labels) {
        return read(store, delivery);
    }
}

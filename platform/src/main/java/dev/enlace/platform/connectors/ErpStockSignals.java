package dev.enlace.platform.connectors;

import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

import java.util.Optional;

/** Reads "this variant's stock changed" out of an ERP's webhook (ST1). */
public interface ErpStockSignals extends Capability {
    /** Whether deliveries of this topic can carry stock changes. */
    boolean carriesStock(String topic);

    /** Empty when the delivery turned out not to be about stock. */
    Optional<StockSignal> read(InboxDelivery delivery);

    /**
     * Every variant the delivery says changed. By default the one signal {@link #read} finds;
     * ERPs whose webhook names no item, only "stock changed since T" (MoySklad's stock webhook),
     * list the changed variants by reading the ERP's API, so call this off the request path.
     */
    default Multi<StockSignal> changes(Connection connection, InboxDelivery delivery) {
        return Multi.createFrom().optional(read(delivery));
    }
}

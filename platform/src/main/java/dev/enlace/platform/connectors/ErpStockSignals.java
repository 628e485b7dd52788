package dev.enlace.platform.connectors;

import dev.enlace.platform.ingress.InboxDelivery;

import java.util.Optional;

/** Reads "this variant's stock changed" out of an ERP's webhook (ST1). */
public interface ErpStockSignals extends Capability {
    /** Whether deliveries of this topic can carry stock changes. */
    boolean carriesStock(String topic);

    /** Empty when the delivery turned out not to be about stock. */
    Optional<StockSignal> read(InboxDelivery delivery);
}

package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A store order as the store holds it when the event is emitted (OR1).
 *
 * @param system         the store, e.g. {@code jumpseller}
 * @param orderId        the order's id in that store
 * @param status         the store's own payment/order status, e.g. {@code paid}
 * @param shipmentStatus the store's own shipment status, when it tracks one
 * @param currency       ISO 4217 code of every amount of the order
 * @param customer       the buyer; its {@code customerId} is null for a guest
 * @param billing        the document the buyer asked for at checkout (DO6)
 * @param cashOnDelivery the buyer pays when the order is delivered
 * @param createdAt      when the order was placed
 */
public record OrderSnapshot(
        String system,
        String orderId,
        String status,
        String shipmentStatus,
        String currency,
        List<OrderLine> lines,
        CustomerSnapshot customer,
        Address shippingAddress,
        BillingChoice billing,
        String paymentMethod,
        boolean cashOnDelivery,
        Money subtotal,
        Money shipping,
        Money discount,
        Money tax,
        Money total,
        OffsetDateTime createdAt) {

    public OrderSnapshot {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(orderId, "orderId");
    }
}

package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.List;

/** A store order as the store holds it when the event is emitted (OR1). */
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
}

package dev.enlace.events;

import java.time.OffsetDateTime;

/** OR1, OR4: any change of a store order's payment or shipment status. */
public record OrderStatusChanged(
        String tenant,
        OrderSnapshot order,
        String previousStatus,
        String previousShipmentStatus,
        OffsetDateTime changedAt) {

    public static final String TYPE = "enlace.orders.status-changed.v1";
}

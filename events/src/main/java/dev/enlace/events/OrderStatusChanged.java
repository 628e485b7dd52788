package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Any change of a store order's payment or shipment status (OR1, OR4).
 *
 * @param order                  the order as the store holds it after the change
 * @param previousStatus         {@code order.status} before the change; null for a new order
 * @param previousShipmentStatus {@code order.shipmentStatus} before the change, when known
 * @param changedAt              when the status changed
 */
public record OrderStatusChanged(
        String tenant,
        OrderSnapshot order,
        String previousStatus,
        String previousShipmentStatus,
        OffsetDateTime changedAt) {

    public static final String TYPE = "enlace.orders.status-changed.v1";

    public OrderStatusChanged {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}

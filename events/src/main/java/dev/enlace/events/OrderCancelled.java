package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * OR1: a store order was cancelled.
 *
 * @param order the order as the store holds it after the change
 * @param cancelledAt when the store marked the order cancelled
 */
public record OrderCancelled(
        String tenant,
        OrderSnapshot order,
        OffsetDateTime cancelledAt) {

    public static final String TYPE = "enlace.orders.order-cancelled.v1";

    public OrderCancelled {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}

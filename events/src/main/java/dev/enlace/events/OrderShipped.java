package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * OR1: a store order was shipped.
 *
 * @param order the order as the store holds it after the change
 * @param shippedAt when the store marked the order shipped
 */
public record OrderShipped(
        String tenant,
        OrderSnapshot order,
        OffsetDateTime shippedAt) {

    public static final String TYPE = "enlace.orders.order-shipped.v1";

    public OrderShipped {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(shippedAt, "shippedAt");
    }
}

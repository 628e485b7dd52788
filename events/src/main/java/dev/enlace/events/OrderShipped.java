package dev.enlace.events;

import java.time.OffsetDateTime;

/** OR1: a store order was shipped. */
public record OrderShipped(
        String tenant,
        OrderSnapshot order,
        OffsetDateTime shippedAt) {

    public static final String TYPE = "enlace.orders.order-shipped.v1";
}

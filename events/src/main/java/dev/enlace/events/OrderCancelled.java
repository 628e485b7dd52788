package dev.enlace.events;

import java.time.OffsetDateTime;

/** OR1: a store order was cancelled. */
public record OrderCancelled(
        String tenant,
        OrderSnapshot order,
        OffsetDateTime cancelledAt) {

    public static final String TYPE = "enlace.orders.order-cancelled.v1";
}

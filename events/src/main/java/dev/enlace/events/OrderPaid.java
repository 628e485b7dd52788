package dev.enlace.events;

import java.time.OffsetDateTime;

/** OR1: a store order was paid. */
public record OrderPaid(
        String tenant,
        OrderSnapshot order,
        OffsetDateTime paidAt) {

    public static final String TYPE = "enlace.orders.order-paid.v1";
}

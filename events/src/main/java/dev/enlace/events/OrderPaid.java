package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * OR1: a store order was paid (or accepted as cash on delivery).
 *
 * @param order the order as the store holds it after the change
 * @param paidAt when the store marked the order paid
 */
public record OrderPaid(
        String tenant,
        OrderSnapshot order,
        OffsetDateTime paidAt) {

    public static final String TYPE = "enlace.orders.order-paid.v1";

    public OrderPaid {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}

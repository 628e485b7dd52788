package dev.enlace.order.api;

import dev.enlace.events.OrderSnapshot;

import java.time.OffsetDateTime;

/**
 * A store order as order-service holds it (OR1): the last status seen, the milestones reached, and the
 * order itself as the last event carried it.
 */
public record StoredOrder(
        String system,
        String orderId,
        String status,
        String shipmentStatus,
        boolean paid,
        boolean cancelled,
        boolean shipped,
        OffsetDateTime firstSeenAt,
        OffsetDateTime updatedAt,
        OffsetDateTime paidAt,
        OffsetDateTime cancelledAt,
        OffsetDateTime shippedAt,
        OrderSnapshot order) {
}

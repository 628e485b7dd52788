package dev.enlace.platform.connectors;

import dev.enlace.events.OrderSnapshot;

/**
 * What a store's order webhook says: the order as it is now (OR1). The order-service derives
 * paid / cancelled / shipped transitions by comparing with what it saw before, so that
 * redelivered and reordered webhooks end in the right state.
 *
 * @param paid      paid in the store; a cash-on-delivery order ({@code order.cashOnDelivery}) the store still
 *                  shows unpaid is counted as paid by the order-service when the tenant says so
 * @param cancelled cancelled in the store
 * @param shipped   handed to the carrier (or delivered)
 */
public record OrderChange(OrderSnapshot order, boolean paid, boolean cancelled, boolean shipped) {
}

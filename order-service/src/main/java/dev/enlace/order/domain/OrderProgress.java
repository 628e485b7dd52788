package dev.enlace.order.domain;

import dev.enlace.platform.connectors.OrderChange;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * OR1: what a store order's current state means, given what Enlace saw before. Pure rules:
 * <ul>
 * <li>paid, cancelled and shipped are milestones: each is reached once and then stays reached;</li>
 * <li>a cash-on-delivery order counts as paid from the start where the tenant says so;</li>
 * <li>an order first seen cancelled (its payment never seen) is cancelled, never paid, and a cancelled
 *     order is never paid afterwards, so a late or stale "paid" cannot reopen it;</li>
 * <li>the status changed when the store's status or shipment status differs from the last one seen.</li>
 * </ul>
 */
public final class OrderProgress {
    private OrderProgress() {
    }

    /** What Enlace knows of an order; {@code status} and {@code shipmentStatus} are the store's own codes. */
    public record State(String status, String shipmentStatus, boolean paid, boolean cancelled, boolean shipped) {
    }

    public enum Milestone { PAID, CANCELLED, SHIPPED }

    /**
     * @param next          the state to keep
     * @param statusChanged the store's status or shipment status moved (always true for a new order)
     * @param reached       milestones reached by this change, each at most once in an order's life
     */
    public record Step(State next, boolean statusChanged, Set<Milestone> reached) {
        public boolean changesNothing(State previous) {
            return !statusChanged && reached.isEmpty() && next.equals(previous);
        }
    }

    /** @param previous null for an order never seen */
    public static Step apply(State previous, OrderChange change, boolean cashOnDeliveryIsPaid) {
        State before = previous == null ? new State(null, null, false, false, false) : previous;
        boolean cancelled = before.cancelled() || change.cancelled();
        boolean paidNow = change.paid() || (change.order().cashOnDelivery() && cashOnDeliveryIsPaid);
        boolean paid = before.paid() || (paidNow && !cancelled);
        boolean shipped = before.shipped() || change.shipped();
        State next = new State(change.order().status(), change.order().shipmentStatus(), paid, cancelled, shipped);

        Set<Milestone> reached = EnumSet.noneOf(Milestone.class);
        if (paid && !before.paid()) {
            reached.add(Milestone.PAID);
        }
        if (cancelled && !before.cancelled()) {
            reached.add(Milestone.CANCELLED);
        }
        if (shipped && !before.shipped()) {
            reached.add(Milestone.SHIPPED);
        }
        boolean statusChanged = previous == null || !Objects.equals(previous.status(), next.status())
                || !Objects.equals(previous.shipmentStatus(), next.shipmentStatus());
        return new Step(next, statusChanged, Set.copyOf(reached));
    }
}

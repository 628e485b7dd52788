package dev.enlace.order.domain;

import dev.enlace.events.BillingChoice;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.order.domain.OrderProgress.Milestone;
import dev.enlace.order.domain.OrderProgress.State;
import dev.enlace.order.domain.OrderProgress.Step;
import dev.enlace.platform.connectors.OrderChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OR1: which events a store order's current state produces, given what was seen before. */
class OrderProgressTest {

    private static OrderChange seen(String status, String shipment, boolean cod) {
        OrderSnapshot order = new OrderSnapshot("jumpseller", "1001", status, shipment, "CLP", List.of(), null, null,
                BillingChoice.receipt(), cod ? "Contra entrega" : "Webpay", cod, null, null, null, null, null, null);
        return new OrderChange(order, status.equals("paid"), status.equals("canceled"),
                shipment.equals("in_transit") || shipment.equals("delivered"));
    }

    private static Step apply(State before, OrderChange change) {
        return OrderProgress.apply(before, change, true);
    }

    @Test
    void newPendingOrderIsAStatusChangeAndNothingElse() {
        Step step = apply(null, seen("pending_payment", "unfulfilled", false));
        assertThat(step.statusChanged()).isTrue();
        assertThat(step.reached()).isEmpty();
        assertThat(step.next()).isEqualTo(new State("pending_payment", "unfulfilled", false, false, false));
    }

    @Test
    void paymentIsReachedOnce() {
        Step first = apply(new State("pending_payment", "unfulfilled", false, false, false), seen("paid", "unfulfilled", false));
        assertThat(first.reached()).containsExactly(Milestone.PAID);
        assertThat(first.statusChanged()).isTrue();

        Step again = apply(first.next(), seen("paid", "unfulfilled", false));
        assertThat(again.reached()).isEmpty();
        assertThat(again.statusChanged()).isFalse();
        assertThat(again.changesNothing(first.next())).isTrue();
    }

    @Test
    void orderFirstSeenCancelledIsCancelledNeverPaid() {
        Step step = apply(null, seen("canceled", "unfulfilled", false));
        assertThat(step.reached()).containsExactly(Milestone.CANCELLED);
        assertThat(step.next().paid()).isFalse();
        assertThat(step.next().cancelled()).isTrue();
    }

    @Test
    void paidAfterCancellationDoesNotReopenTheOrder() {
        State cancelled = new State("canceled", "unfulfilled", false, true, false);
        Step step = apply(cancelled, seen("paid", "unfulfilled", false));
        assertThat(step.reached()).isEmpty();
        assertThat(step.next().paid()).isFalse();
        assertThat(step.next().cancelled()).isTrue();
    }

    @Test
    void cancellingAPaidOrderKeepsItPaidAndReachesCancelled() {
        Step step = apply(new State("paid", "unfulfilled", true, false, false), seen("canceled", "unfulfilled", false));
        assertThat(step.reached()).containsExactly(Milestone.CANCELLED);
        assertThat(step.next().paid()).isTrue();
    }

    @Test
    void shipmentIsReachedOnceAndEveryShipmentMoveIsAStatusChange() {
        State paid = new State("paid", "unfulfilled", true, false, false);
        Step requested = apply(paid, seen("paid", "requested", false));
        assertThat(requested.statusChanged()).isTrue();
        assertThat(requested.reached()).isEmpty();
        Step inTransit = apply(requested.next(), seen("paid", "in_transit", false));
        assertThat(inTransit.reached()).containsExactly(Milestone.SHIPPED);
        Step delivered = apply(inTransit.next(), seen("paid", "delivered", false));
        assertThat(delivered.statusChanged()).isTrue();
        assertThat(delivered.reached()).isEmpty();
    }

    @Test
    void cashOnDeliveryCountsAsPaidWhenTheTenantSaysSo() {
        assertThat(OrderProgress.apply(null, seen("pending_payment", "unfulfilled", true), true).reached())
                .containsExactly(Milestone.PAID);
        assertThat(OrderProgress.apply(null, seen("pending_payment", "unfulfilled", true), false).reached())
                .isEmpty();
    }

    @Test
    void cashOnDeliveryPaidLaterInTheStoreIsNotPaidTwice() {
        Step placed = apply(null, seen("pending_payment", "unfulfilled", true));
        Step paidInStore = apply(placed.next(), seen("paid", "unfulfilled", true));
        assertThat(paidInStore.reached()).isEmpty();
        assertThat(paidInStore.statusChanged()).isTrue();
    }
}

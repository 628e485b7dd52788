package dev.enlace.order.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderShipped;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.OrderStatusChanged;
import dev.enlace.order.domain.OrderProgress;
import dev.enlace.order.persistence.StoreOrder;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * OR1: records an order's current state and, in the same transaction, announces what changed through the
 * outbox: OrderStatusChanged on every status or shipment-status move, OrderPaid / OrderCancelled /
 * OrderShipped the first time each happens. Seeing the same state again announces nothing.
 */
@ApplicationScoped
public class StoreOrders {
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public StoreOrders(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Uni<Void> record(Tenant tenant, OrderChange change, String causationId) {
        OrderSnapshot order = change.order();
        boolean codIsPaid = Boolean.TRUE.equals(tenant.settings().orders().cashOnDeliveryIsPaid());
        String json = json(order);
        return Panache.withTransaction(() -> StoreOrder.<StoreOrder>findById(
                new StoreOrder.Key(tenant.id(), order.system(), order.orderId())).chain(row -> {
                    OrderProgress.State before = row == null ? null : row.state();
                    OrderProgress.Step step = OrderProgress.apply(before, change, codIsPaid);
                    if (row != null && step.changesNothing(before)) {
                        if (json.equals(row.snapshot)) {
                            return Uni.createFrom().voidItem();
                        }
                        // details without a status move (tracking number, notes): kept, not announced
                        row.snapshot = json;
                        row.updatedAt = now();
                        return row.persist().replaceWithVoid();
                    }
                    OffsetDateTime now = now();
                    StoreOrder stored = row == null ? newRow(tenant, order, now) : row;
                    stored.status = step.next().status();
                    stored.shipmentStatus = step.next().shipmentStatus();
                    stored.paid = step.next().paid();
                    stored.cancelled = step.next().cancelled();
                    stored.shipped = step.next().shipped();
                    stored.snapshot = json;
                    stored.updatedAt = now;
                    List<Supplier<Uni<Void>>> events = new ArrayList<>();
                    String id = order.orderId();
                    if (step.statusChanged()) {
                        events.add(() -> outbox.publish(tenant.id(), id, new OrderStatusChanged(tenant.id(), order,
                                before == null ? null : before.status(), before == null ? null : before.shipmentStatus(),
                                now), causationId));
                    }
                    if (step.reached().contains(OrderProgress.Milestone.PAID)) {
                        stored.paidAt = now;
                        events.add(() -> outbox.publish(tenant.id(), id, new OrderPaid(tenant.id(), order, now), causationId));
                    }
                    if (step.reached().contains(OrderProgress.Milestone.CANCELLED)) {
                        stored.cancelledAt = now;
                        events.add(() -> outbox.publish(tenant.id(), id, new OrderCancelled(tenant.id(), order, now), causationId));
                    }
                    if (step.reached().contains(OrderProgress.Milestone.SHIPPED)) {
                        stored.shippedAt = now;
                        events.add(() -> outbox.publish(tenant.id(), id, new OrderShipped(tenant.id(), order, now), causationId));
                    }
                    Uni<Void> chain = stored.persist().replaceWithVoid();
                    for (Supplier<Uni<Void>> event : events) {
                        chain = chain.chain(() -> event.get());
                    }
                    return chain;
                }));
    }

    private static StoreOrder newRow(Tenant tenant, OrderSnapshot order, OffsetDateTime now) {
        StoreOrder row = new StoreOrder();
        row.tenant = tenant.id();
        row.system = order.system();
        row.orderId = order.orderId();
        row.firstSeenAt = now;
        return row;
    }

    private String json(OrderSnapshot order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("order " + order.orderId() + " is not serialisable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

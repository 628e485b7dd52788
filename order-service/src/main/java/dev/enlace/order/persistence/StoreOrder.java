package dev.enlace.order.persistence;

import dev.enlace.order.domain.OrderProgress;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A store order as Enlace last saw it (OR1). {@code version} makes two concurrent deliveries of the same
 * order conflict instead of both announcing the same milestone: the loser is retried and sees the winner.
 */
@Entity
@Table(name = "store_order")
@IdClass(StoreOrder.Key.class)
public class StoreOrder extends PanacheEntityBase {
    @Id
    public String tenant;

    @Id
    public String system;

    @Id
    @Column(name = "order_id")
    public String orderId;

    public String status;

    @Column(name = "shipment_status")
    public String shipmentStatus;

    public boolean paid;

    public boolean cancelled;

    public boolean shipped;

    /** The OrderSnapshot as JSON, exactly as the last event carried it. */
    @Column(nullable = false)
    public String snapshot;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "shipped_at")
    public OffsetDateTime shippedAt;

    @Version
    public long version;

    public OrderProgress.State state() {
        return new OrderProgress.State(status, shipmentStatus, paid, cancelled, shipped);
    }

    public record Key(String tenant, String system, String orderId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}

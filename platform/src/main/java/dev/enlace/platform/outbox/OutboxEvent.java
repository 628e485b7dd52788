package dev.enlace.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event written in the same transaction as the state change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "causation_id")
    public String causationId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String payload;

    static OutboxEvent of(Outbox.Row row) {
        OutboxEvent e = new OutboxEvent();
        e.eventId = row.eventId();
        e.topic = row.topic();
        e.recordKey = row.recordKey();
        e.type = row.type();
        e.source = row.source();
        e.subject = row.subject();
        e.tenant = row.tenant();
        e.causationId = row.causationId();
        e.occurredAt = row.occurredAt();
        e.payload = row.payload();
        return e;
    }
}

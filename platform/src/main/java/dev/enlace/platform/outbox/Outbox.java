package dev.enlace.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.EventType;
import dev.enlace.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Queues an event of the public contract for Kafka. Call it inside the transaction that
 * changes the state the event describes: both commit together or neither does, so a crash
 * never loses or invents an event. {@link OutboxRelay} then sends it.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper mapper;
    private final String source;

    public Outbox(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.mapper = mapper;
        this.source = "/enlace/" + service;
    }

    /**
     * @param subject     the entity the event is about (stock: the SKU); also the record key's tail
     * @param causationId the id of what caused it (a webhook delivery, another event), or null
     */
    public Uni<Void> publish(String tenant, String subject, Record event, String causationId) {
        EventType type = EventType.of(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = type.topic();
        row.recordKey = Topics.key(tenant, subject);
        row.type = type.type();
        row.source = source;
        row.subject = subject;
        row.tenant = tenant;
        row.causationId = causationId;
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event is not serialisable: " + type, e));
        }
        return row.persist().replaceWithVoid();
    }
}

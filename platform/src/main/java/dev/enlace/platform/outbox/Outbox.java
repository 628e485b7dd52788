package dev.enlace.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.EventType;
import dev.enlace.events.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Queues an event of the public contract for Kafka. Call it inside the transaction that
 * changes the state the event describes: both commit together or neither does, so a crash
 * never loses or invents an event. {@link OutboxRelay} then sends it.
 */
@ApplicationScoped
public class Outbox {
    /** Rows per INSERT in {@link #publishAll}: 10 parameters each, 10,000 in all, far below PostgreSQL's 65,535. */
    static final int ROWS_PER_STATEMENT = 1000;
    /** The outbox table and its columns, in the order of {@link Row#values()}. */
    public static final String TABLE_COLUMNS = "outbox_event (event_id, topic, record_key, type, source, subject, tenant,"
            + " causation_id, occurred_at, payload)";
    private static final int PARAMETERS = 10;

    /**
     * An event's outbox row, for a hot path that inserts it within its own statement (one round trip for the state
     * change and its event): {@code INSERT INTO } {@link #TABLE_COLUMNS} {@code SELECT <values> ...}. The same
     * guarantees hold as long as that statement makes the change the event describes.
     */
    public record Row(UUID eventId, String topic, String recordKey, String type, String source, String subject,
            String tenant, String causationId, OffsetDateTime occurredAt, String payload) {
        public List<Object> values() {
            return Arrays.asList(eventId, topic, recordKey, type, source, subject, tenant, causationId, occurredAt, payload);
        }
    }

    /** One event of a {@link #publishAll} call and the entity it is about. */
    public record Pending(String subject, Record event) {
    }

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
        try {
            return OutboxEvent.of(rowFor(tenant, subject, event, causationId)).persist().replaceWithVoid();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /**
     * Queues many events with a few multi-row INSERTs instead of one INSERT per event (bulk work such as CA1
     * linking thousands of variants). Same guarantees as {@link #publish}: call it inside the transaction
     * that makes the changes; the ids, and so the relay's order, follow the list's order.
     */
    public Uni<Void> publishAll(String tenant, List<Pending> events, String causationId) {
        List<Row> rows = new ArrayList<>(events.size());
        try {
            events.forEach(e -> rows.add(rowFor(tenant, e.subject(), e.event(), causationId)));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Row> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> insert(slice));
        }
        return chain;
    }

    private static Uni<Void> insert(List<Row> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(TABLE_COLUMNS).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int p = 1; p <= PARAMETERS; p++) {
                sql.append(p == 1 ? "?" : ", ?").append(i * PARAMETERS + p);
            }
            sql.append(')');
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                List<Object> values = rows.get(i).values();
                for (int p = 0; p < PARAMETERS; p++) {
                    query.setParameter(i * PARAMETERS + p + 1, values.get(p));
                }
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** @throws IllegalArgumentException when the event cannot be written as JSON */
    public Row rowFor(String tenant, String subject, Record event, String causationId) {
        EventType type = EventType.of(event.getClass());
        try {
            return new Row(UUID.randomUUID(), type.topic(), Topics.key(tenant, subject), type.type(), source, subject, tenant,
                    causationId, OffsetDateTime.now(ZoneOffset.UTC), mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serialisable: " + type, e);
        }
    }
}

package dev.enlace.document.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.document.domain.DocumentPlan;
import dev.enlace.document.domain.DocumentPlan.State;
import dev.enlace.events.DocumentPending;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records document work in the current transaction (consumers, the API); the ERP is called by
 * {@link DocumentWorker}. Every insert relies on UNIQUE (tenant, order_id, purpose), so a
 * redelivered or repeated event reserves nothing twice (DO8).
 */
@ApplicationScoped
public class LegalDocuments {
    private final ObjectMapper mapper;
    private final Outbox outbox;

    public LegalDocuments(ObjectMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** Reserves the row; true if this call created it. */
    public Uni<Boolean> reserve(String tenant, OrderSnapshot order, DocumentPurpose purpose, State state,
            String documentType, List<String> missing) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO legal_document"
                        + " (tenant, order_id, purpose, state, document_type, order_json, missing_skus)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (tenant, order_id, purpose) DO NOTHING")
                .setParameter(1, tenant).setParameter(2, order.orderId()).setParameter(3, purpose.name())
                .setParameter(4, state.name()).setParameter(5, documentType).setParameter(6, json(order))
                .setParameter(7, DocumentPlan.encodeMissing(missing))
                .executeUpdate()).map(n -> n > 0);
    }

    /** DO5: announces that a document waits for links. */
    public Uni<Void> announcePending(String tenant, String orderId, DocumentPurpose purpose, List<String> missing,
            String causation) {
        return outbox.publish(tenant, orderId, new DocumentPending(tenant, orderId, purpose,
                "waiting for links of " + String.join(", ", missing), missing, OffsetDateTime.now(ZoneOffset.UTC)),
                causation);
    }

    /** The row's state, or null when there is none. */
    public Uni<String> state(String tenant, String orderId, DocumentPurpose purpose) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT state FROM legal_document WHERE tenant = ?1 AND order_id = ?2 AND purpose = ?3 FOR UPDATE",
                        String.class)
                .setParameter(1, tenant).setParameter(2, orderId).setParameter(3, purpose.name())
                .getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Moves a row between states when it is in one of {@code from}; true if it moved. */
    public Uni<Boolean> move(String tenant, String orderId, DocumentPurpose purpose, List<State> from, State to,
            String documentType) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE legal_document SET state = ?4,"
                        + " document_type = COALESCE(?5, document_type), next_attempt_at = now(), updated_at = now()"
                        + " WHERE tenant = ?1 AND order_id = ?2 AND purpose = ?3 AND state IN (?6) AND NOT erp_called")
                .setParameter(1, tenant).setParameter(2, orderId).setParameter(3, purpose.name())
                .setParameter(4, to.name()).setParameter(5, documentType)
                .setParameter(6, from.stream().map(Enum::name).toList())
                .executeUpdate()).map(n -> n > 0);
    }

    /**
     * The SKUs linked for a tenant among those asked. Holds the tenant's link lock until the transaction
     * ends, so a link cannot land between this read and the reservation of a waiting document (DO5).
     */
    public Uni<List<String>> linkedSkus(String tenant, List<String> skus) {
        return lockLinks(tenant).chain(() -> skus.isEmpty() ? Uni.createFrom().item(List.<String>of())
                : Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT DISTINCT sku FROM document_link WHERE tenant = ?1 AND sku IN (?2)", String.class)
                        .setParameter(1, tenant).setParameter(2, skus).getResultList()));
    }

    /** Serialises link changes and link checks of one tenant, for the current transaction. */
    public Uni<Void> lockLinks(String tenant) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT pg_advisory_xact_lock(hashtext(?1))::text")
                .setParameter(1, "document_link:" + tenant).getSingleResult()).replaceWithVoid();
    }

    /** Manual mode (DO1): the chosen type, and READY or PENDING_LINKS. */
    public Uni<Void> choose(String tenant, String orderId, String documentType, State next, List<String> missing) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE legal_document SET state = ?3,"
                        + " document_type = ?4, missing_skus = ?5, next_attempt_at = now(), updated_at = now()"
                        + " WHERE tenant = ?1 AND order_id = ?2 AND purpose = 'SALE' AND state = 'AWAITING_CHOICE'")
                .setParameter(1, tenant).setParameter(2, orderId).setParameter(3, next.name())
                .setParameter(4, documentType).setParameter(5, DocumentPlan.encodeMissing(missing))
                .executeUpdate()).replaceWithVoid();
    }

    public OrderSnapshot order(String json) {
        try {
            return mapper.readValue(json, OrderSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored order unreadable", e);
        }
    }

    String json(OrderSnapshot order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order " + order.orderId() + " not serialisable", e);
        }
    }
}

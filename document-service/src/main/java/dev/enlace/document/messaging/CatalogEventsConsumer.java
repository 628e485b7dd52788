package dev.enlace.document.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUnlinked;
import dev.enlace.platform.messaging.ContractConsumer;
import dev.enlace.platform.messaging.EventEnvelope;
import dev.enlace.platform.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Document-service's copy of the links (DO5). A link strikes its SKU out of every waiting document
 * of the tenant; a document with nothing left to wait for becomes READY and the worker issues it.
 */
@ApplicationScoped
public class CatalogEventsConsumer {
    private static final String CONSUMER = "documents-links";

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final LegalDocuments documents;
    private final Vertx vertx;

    public CatalogEventsConsumer(ObjectMapper mapper, ProcessedEvents processed, LegalDocuments documents, Vertx vertx) {
        this.mapper = mapper;
        this.processed = processed;
        this.documents = documents;
        this.vertx = vertx;
    }

    @Incoming("catalog-in")
    public Uni<Void> consume(Message<String> message) {
        return ContractConsumer.consume(vertx, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (ProductLinked.TYPE.equals(event.type())) {
            ProductLinked linked = event.data(mapper, ProductLinked.class);
            return processed.once(CONSUMER, event.id(), () -> link(linked)).replaceWithVoid();
        }
        if (ProductUnlinked.TYPE.equals(event.type())) {
            ProductUnlinked unlinked = event.data(mapper, ProductUnlinked.class);
            return processed.once(CONSUMER, event.id(), () -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "DELETE FROM document_link WHERE tenant = ?1 AND erp_variant_id = ?2")
                    .setParameter(1, unlinked.tenant()).setParameter(2, unlinked.erp().variantId())
                    .executeUpdate()).replaceWithVoid()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> link(ProductLinked linked) {
        String tenant = linked.tenant();
        String sku = linked.sku();
        return documents.lockLinks(tenant).chain(() -> Panache.getSession()).chain(s -> s.createNativeQuery("INSERT INTO document_link (tenant, erp_variant_id, sku)"
                                + " VALUES (?1, ?2, ?3) ON CONFLICT (tenant, erp_variant_id) DO UPDATE SET sku = EXCLUDED.sku")
                        .setParameter(1, tenant).setParameter(2, linked.erp().variantId()).setParameter(3, sku)
                        .executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE legal_document SET missing_skus = replace(missing_skus, ?2, ','),"
                                + " updated_at = now() WHERE tenant = ?1 AND state = 'PENDING_LINKS' AND missing_skus LIKE ?3")
                        .setParameter(1, tenant).setParameter(2, "," + sku + ",")
                        .setParameter(3, "%," + sku.replace("%", "\\%").replace("_", "\\_") + ",%")
                        .executeUpdate())
                .chain(() -> s.createNativeQuery("UPDATE legal_document SET state = 'READY', next_attempt_at = now()"
                                + " WHERE tenant = ?1 AND state = 'PENDING_LINKS' AND missing_skus = ','")
                        .setParameter(1, tenant).executeUpdate()))
                .replaceWithVoid();
    }
}

package dev.enlace.stock.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUnlinked;
import dev.enlace.platform.messaging.ContractConsumer;
import dev.enlace.platform.messaging.EventEnvelope;
import dev.enlace.platform.messaging.ProcessedEvents;
import dev.enlace.stock.persistence.StockLink;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps stock-service's copy of the links (ProductLinked / ProductUnlinked from catalog-service).
 * A new link is only recorded, marked pending: {@link LinkedStockSync} reads its ERP stock soon after, outside
 * the acknowledgement path, in bulk when many links arrive together.
 */
@ApplicationScoped
public class CatalogEventsConsumer {
    private static final String CONSUMER = "stock-links";

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final LinkedStockSync initialStock;
    private final Vertx vertx;

    public CatalogEventsConsumer(ObjectMapper mapper, ProcessedEvents processed, LinkedStockSync initialStock,
            Vertx vertx) {
        this.mapper = mapper;
        this.processed = processed;
        this.initialStock = initialStock;
        this.vertx = vertx;
    }

    @Incoming("catalog-in")
    public Uni<Void> consume(Message<String> message) {
        return ContractConsumer.consume(vertx, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (ProductLinked.TYPE.equals(event.type())) {
            ProductLinked linked = event.data(mapper, ProductLinked.class);
            return processed.once(CONSUMER, event.id(), () -> saveLink(linked))
                    .invoke(applied -> {
                        if (applied) {
                            initialStock.linked();
                        }
                    })
                    .replaceWithVoid();
        }
        if (ProductUnlinked.TYPE.equals(event.type())) {
            ProductUnlinked unlinked = event.data(mapper, ProductUnlinked.class);
            return processed.once(CONSUMER, event.id(), () -> StockLink
                    .delete("tenant = ?1 and erpVariantId = ?2", unlinked.tenant(), unlinked.erp().variantId())
                    .replaceWithVoid()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** One statement: a catalogue of 100,000 links arrives as 100,000 events. */
    private Uni<Void> saveLink(ProductLinked linked) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO stock_link (tenant, erp_variant_id, sku, store_system, store_product_id, store_variant_id,"
                                + " linked_at, initial_pending_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, clock_timestamp())"
                                + " ON CONFLICT (tenant, erp_variant_id) DO UPDATE SET sku = EXCLUDED.sku,"
                                + " store_system = EXCLUDED.store_system, store_product_id = EXCLUDED.store_product_id,"
                                + " store_variant_id = EXCLUDED.store_variant_id, linked_at = EXCLUDED.linked_at,"
                                + " initial_pending_at = clock_timestamp()")
                .setParameter(1, linked.tenant())
                .setParameter(2, linked.erp().variantId())
                .setParameter(3, linked.sku() == null ? "" : linked.sku())
                .setParameter(4, linked.store().system())
                .setParameter(5, linked.store().productId())
                .setParameter(6, linked.store().variantId() == null ? "" : linked.store().variantId())
                .setParameter(7, linked.linkedAt())
                .executeUpdate())
                .replaceWithVoid();
    }
}

package dev.enlace.stock.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUnlinked;
import dev.enlace.platform.messaging.ContractConsumer;
import dev.enlace.platform.messaging.EventEnvelope;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.messaging.ProcessedEvents;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.stock.persistence.StockLink;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps stock-service's copy of the links (ProductLinked / ProductUnlinked from catalog-service).
 * A new link gets the ERP's current stock at once, outside the acknowledgement path.
 */
@ApplicationScoped
public class CatalogEventsConsumer {
    private static final Logger LOG = Logger.getLogger(CatalogEventsConsumer.class);
    private static final String CONSUMER = "stock-links";

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final StockRefresh refresh;
    private final TenantRegistry tenants;
    private final Vertx vertx;

    public CatalogEventsConsumer(ObjectMapper mapper, ProcessedEvents processed, StockRefresh refresh,
            TenantRegistry tenants, Vertx vertx) {
        this.mapper = mapper;
        this.processed = processed;
        this.refresh = refresh;
        this.tenants = tenants;
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
                            refreshLater(linked, event.id());
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

    private Uni<Void> saveLink(ProductLinked linked) {
        return Panache.getSession().chain(s -> StockLink.<StockLink>findById(
                new StockLink.Key(linked.tenant(), linked.erp().variantId()))
                .chain(existing -> {
                    StockLink link = existing == null ? new StockLink() : existing;
                    link.tenant = linked.tenant();
                    link.erpVariantId = linked.erp().variantId();
                    link.sku = linked.sku() == null ? "" : linked.sku();
                    link.storeSystem = linked.store().system();
                    link.storeProductId = linked.store().productId();
                    link.storeVariantId = linked.store().variantId() == null ? "" : linked.store().variantId();
                    link.linkedAt = linked.linkedAt();
                    return link.persist().replaceWithVoid();
                }));
    }

    /** The store gets the ERP's stock as soon as the link exists, even if the ERP says nothing. */
    private void refreshLater(ProductLinked linked, String causation) {
        tenants.find(linked.tenant()).ifPresent(tenant -> IsolatedContext.run(vertx,
                        () -> refresh.refresh(tenant, linked.erp().variantId(), "event:" + causation)
                                .chain(() -> queueKnownLevel(linked)))
                .subscribe().with(v -> { }, err -> LOG.warnf("initial stock of %s/%s not read: %s",
                        linked.tenant(), linked.sku(), err.getMessage())));
    }

    /** When the level was already announced before the link existed, nothing new is emitted: queue it now. */
    private Uni<Void> queueKnownLevel(ProductLinked linked) {
        return Panache.withTransaction(() -> StoreWriteQueue.queueForLevel(linked.tenant(), linked.erp().variantId()));
    }
}

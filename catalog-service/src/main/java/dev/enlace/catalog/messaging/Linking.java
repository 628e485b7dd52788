package dev.enlace.catalog.messaging;

import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUnlinked;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Makes and removes links, whatever their method (CA1, CA2, CA9): the row, its event on
 * enlace.catalog.v1 through the outbox and, where the ERP keeps links in a field of its own, the
 * queued write of that field all happen in the caller's transaction.
 */
@ApplicationScoped
public class Linking {
    private final ProductLinkRepository links;
    private final Outbox outbox;
    private final Connectors connectors;

    public Linking(ProductLinkRepository links, Outbox outbox, Connectors connectors) {
        this.links = links;
        this.outbox = outbox;
        this.connectors = connectors;
    }

    /** Call inside {@code Panache.withTransaction}. */
    public Uni<ProductLink> link(Tenant tenant, String sku, ExternalRef erp, ExternalRef store, LinkMethod method) {
        ProductLink link = new ProductLink();
        link.tenant = tenant.id();
        link.sku = sku;
        link.erpSystem = erp.system();
        link.erpProductId = erp.productId();
        link.erpVariantId = erp.variantId();
        link.storeSystem = store.system();
        link.storeProductId = store.productId();
        link.storeVariantId = store.variantId() == null ? "" : store.variantId();
        link.method = method;
        link.linkedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ProductLinked event = new ProductLinked(tenant.id(), sku, erp, store, method, link.linkedAt);
        // a link read back from the ERP's field is already written there
        Uni<Void> erpField = method == LinkMethod.EXTERNAL_ID ? Uni.createFrom().voidItem()
                : queueErpWrite(tenant, erp.system(), erp.productId());
        return links.persist(link)
                .chain(() -> outbox.publish(tenant.id(), sku, event, null))
                .chain(() -> erpField)
                .replaceWith(link);
    }

    /**
     * Links every pair, one after the other (a Hibernate Reactive session runs one statement at a
     * time), as a stream rather than a nested chain, whose depth a 20,000-variant catalogue would
     * overflow. Call inside {@code Panache.withTransaction}.
     */
    public Uni<Void> linkAll(Tenant tenant, List<SkuMatcher.Pair> pairs, LinkMethod method) {
        return Multi.createFrom().iterable(pairs)
                .onItem().transformToUniAndConcatenate(pair -> link(tenant, pair.sku(), pair.erp().ref(),
                        pair.store().ref(), method))
                .onItem().ignoreAsUni();
    }

    /** Call inside {@code Panache.withTransaction}. */
    public Uni<Void> unlink(Tenant tenant, ProductLink link, String reason) {
        ProductUnlinked event = new ProductUnlinked(tenant.id(), link.sku, erpRef(link), storeRef(link), reason,
                OffsetDateTime.now(ZoneOffset.UTC));
        return links.delete(link)
                .chain(() -> outbox.publish(tenant.id(), link.sku, event, null))
                .chain(() -> queueErpWrite(tenant, link.erpSystem, link.erpProductId));
    }

    /** CA9: whether the tenant's ERP keeps each link in a field of its own product. */
    public boolean keptInErp(Tenant tenant) {
        return connectors.find(ErpProductLinks.class, tenant.erp().system()).isPresent();
    }

    public static ExternalRef erpRef(ProductLink link) {
        return new ExternalRef(link.erpSystem, link.erpProductId == null ? "" : link.erpProductId, link.erpVariantId);
    }

    public static ExternalRef storeRef(ProductLink link) {
        return new ExternalRef(link.storeSystem, link.storeProductId,
                link.storeVariantId.isEmpty() ? null : link.storeVariantId);
    }

    /** A store variant's key in link lookups: product and variant id, '' for none. */
    public static String storeKey(String productId, String variantId) {
        return productId + "/" + (variantId == null ? "" : variantId);
    }

    private Uni<Void> queueErpWrite(Tenant tenant, String erpSystem, String erpProductId) {
        if (erpProductId == null || !erpSystem.equals(tenant.erp().system()) || !keptInErp(tenant)) {
            return Uni.createFrom().voidItem();
        }
        // a newer queued_at tells a write in flight that it must run again (ErpLinkWriter)
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO erp_link_write"
                                + " (tenant, erp_system, erp_product_id) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (tenant, erp_system, erp_product_id) DO UPDATE SET"
                                + " queued_at = clock_timestamp(), attempts = 0, next_attempt_at = now(), last_error = NULL")
                        .setParameter(1, tenant.id()).setParameter(2, erpSystem).setParameter(3, erpProductId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

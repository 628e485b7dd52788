package dev.enlace.catalog.messaging;

import dev.enlace.catalog.api.LinkBySkuReport;
import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CA1: reads both catalogues, pairs them by SKU and stores each new link together with its
 * ProductLinked event. Variants linked before, by any method, are left as they are.
 */
@ApplicationScoped
public class LinkBySku {
    private final Connectors connectors;
    private final ProductLinkRepository links;
    private final Outbox outbox;

    public LinkBySku(Connectors connectors, ProductLinkRepository links, Outbox outbox) {
        this.connectors = connectors;
        this.links = links;
        this.outbox = outbox;
    }

    public Uni<LinkBySkuReport> run(Tenant tenant) {
        Uni<List<dev.enlace.platform.connectors.CatalogVariant>> erp = connectors
                .require(VariantCatalog.class, tenant.erp().system()).variants(tenant.erp()).collect().asList();
        Uni<List<dev.enlace.platform.connectors.CatalogVariant>> store = connectors
                .require(VariantCatalog.class, tenant.store().system()).variants(tenant.store()).collect().asList();
        return Uni.combine().all().unis(erp, store).asTuple().chain(both -> {
            SkuMatcher.Result result = SkuMatcher.match(both.getItem1(), both.getItem2());
            return Panache.withTransaction(() -> links.ofTenant(tenant.id()).chain(existing -> {
                Set<String> linkedErp = new HashSet<>();
                Set<String> linkedStore = new HashSet<>();
                existing.forEach(l -> {
                    linkedErp.add(l.erpVariantId);
                    linkedStore.add(storeKey(l.storeProductId, l.storeVariantId));
                });
                List<SkuMatcher.Pair> fresh = result.pairs().stream()
                        .filter(p -> !linkedErp.contains(p.erp().ref().variantId())
                                && !linkedStore.contains(storeKey(p.store().ref().productId(), p.store().ref().variantId())))
                        .toList();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (SkuMatcher.Pair pair : fresh) {
                    chain = chain.chain(() -> link(tenant, pair));
                }
                return chain.replaceWith(new LinkBySkuReport(both.getItem1().size(), both.getItem2().size(),
                        fresh.size(), result.pairs().size() - fresh.size(), result.ambiguous(), result.erpOnly(),
                        result.storeOnly(), result.withoutSku()));
            }));
        });
    }

    private Uni<Void> link(Tenant tenant, SkuMatcher.Pair pair) {
        ExternalRef erp = pair.erp().ref();
        ExternalRef store = pair.store().ref();
        ProductLink link = new ProductLink();
        link.tenant = tenant.id();
        link.sku = pair.sku();
        link.erpSystem = erp.system();
        link.erpProductId = erp.productId();
        link.erpVariantId = erp.variantId();
        link.storeSystem = store.system();
        link.storeProductId = store.productId();
        link.storeVariantId = store.variantId() == null ? "" : store.variantId();
        link.method = LinkMethod.SKU;
        link.linkedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ProductLinked event = new ProductLinked(tenant.id(), pair.sku(), erp, store, LinkMethod.SKU, link.linkedAt);
        return links.persist(link).chain(() -> outbox.publish(tenant.id(), pair.sku(), event, null));
    }

    private static String storeKey(String productId, String variantId) {
        return productId + "/" + (variantId == null ? "" : variantId);
    }
}

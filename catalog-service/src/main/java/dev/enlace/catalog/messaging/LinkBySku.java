package dev.enlace.catalog.messaging;

import dev.enlace.catalog.api.LinkBySkuReport;
import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.events.LinkMethod;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CA1: reads both catalogues (every variant of both sides, remembered for CA2 and CA10), pairs
 * them by SKU and stores each new link together with its ProductLinked event. Variants linked
 * before, by any method, are left as they are.
 */
@ApplicationScoped
public class LinkBySku {
    private final CatalogReads reads;
    private final ProductLinkRepository links;
    private final Linking linking;
    private final ErpLinkWriter erpLinkWriter;

    public LinkBySku(CatalogReads reads, ProductLinkRepository links, Linking linking, ErpLinkWriter erpLinkWriter) {
        this.reads = reads;
        this.links = links;
        this.linking = linking;
        this.erpLinkWriter = erpLinkWriter;
    }

    public Uni<LinkBySkuReport> run(Tenant tenant) {
        return Uni.combine().all().unis(reads.read(tenant, Side.ERP), reads.read(tenant, Side.STORE)).asTuple().chain(both -> {
            SkuMatcher.Result result = SkuMatcher.match(both.getItem1(), both.getItem2());
            return Panache.withTransaction(() -> links.ofTenant(tenant.id()).chain(existing -> {
                Set<String> linkedErp = new HashSet<>();
                Set<String> linkedStore = new HashSet<>();
                existing.forEach(l -> {
                    linkedErp.add(l.erpVariantId);
                    linkedStore.add(Linking.storeKey(l.storeProductId, l.storeVariantId));
                });
                List<SkuMatcher.Pair> fresh = result.pairs().stream()
                        .filter(p -> !linkedErp.contains(p.erp().ref().variantId())
                                && !linkedStore.contains(Linking.storeKey(p.store().ref().productId(),
                                        p.store().ref().variantId())))
                        .toList();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (SkuMatcher.Pair pair : fresh) {
                    chain = chain.chain(() -> linking.link(tenant, pair.sku(), pair.erp().ref(), pair.store().ref(),
                            LinkMethod.SKU).replaceWithVoid());
                }
                return chain.replaceWith(new LinkBySkuReport(both.getItem1().size(), both.getItem2().size(),
                        fresh.size(), result.pairs().size() - fresh.size(), result.ambiguous(), result.erpOnly(),
                        result.storeOnly(), result.withoutSku()));
            }));
        }).invoke(erpLinkWriter::trigger);
    }
}

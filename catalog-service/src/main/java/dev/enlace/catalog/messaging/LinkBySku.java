package dev.enlace.catalog.messaging;

import dev.enlace.catalog.api.LinkBySkuReport;
import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.catalog.persistence.TableStatistics;
import dev.enlace.events.LinkMethod;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CA1: reads both catalogues (every variant of both sides, remembered for CA2 and CA10), pairs
 * them by SKU and stores each new link together with its ProductLinked event, a chunk of links per
 * transaction ({@link Linking#linkAll}). Variants linked before, by any method, are left as they are,
 * so a run interrupted half-way is simply run again.
 */
@ApplicationScoped
public class LinkBySku {
    private static final Logger LOG = Logger.getLogger(LinkBySku.class);
    private final CatalogReads reads;
    private final ProductLinkRepository links;
    private final Linking linking;
    private final ErpLinkWriter erpLinkWriter;
    private final TableStatistics statistics;

    public LinkBySku(CatalogReads reads, ProductLinkRepository links, Linking linking, ErpLinkWriter erpLinkWriter,
            TableStatistics statistics) {
        this.reads = reads;
        this.links = links;
        this.linking = linking;
        this.erpLinkWriter = erpLinkWriter;
        this.statistics = statistics;
    }

    public Uni<LinkBySkuReport> run(Tenant tenant) {
        long start = System.nanoTime();
        return Uni.combine().all().unis(reads.read(tenant, Side.ERP), reads.read(tenant, Side.STORE)).asTuple().chain(both -> {
            long read = System.nanoTime();
            SkuMatcher.Result result = SkuMatcher.match(both.getItem1(), both.getItem2());
            return Panache.withSession(() -> links.ofTenant(tenant.id())).chain(existing -> {
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
                // committed chunk by chunk: events start leaving while the rest is stored
                return linking.linkAll(tenant, fresh, LinkMethod.SKU).map(linked -> new LinkBySkuReport(
                        both.getItem1().size(), both.getItem2().size(), linked, result.pairs().size() - linked,
                        result.ambiguous(), result.erpOnly(), result.storeOnly(), result.withoutSku()));
            }).invoke(report -> LOG.infof("tenant %s linked by SKU: %d new links, %d ERP and %d store variants read in"
                    + " %d ms, stored in %d ms", tenant.id(), report.linked(), report.erpVariants(), report.storeVariants(),
                    (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000));
        }).call(report -> statistics.afterChange("product_link", report.linked())).invoke(erpLinkWriter::trigger);
    }
}

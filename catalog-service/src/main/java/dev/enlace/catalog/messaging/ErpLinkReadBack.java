package dev.enlace.catalog.messaging;

import dev.enlace.catalog.domain.ExternalIdPairing;
import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.events.LinkMethod;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantsChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CA9: recreates in Enlace's table the links an ERP keeps in its own external-id field, when the
 * service starts and on demand. A link found there whose variants are already linked otherwise is
 * left alone and reported; nothing is written back to the ERP, which already holds it.
 */
@ApplicationScoped
public class ErpLinkReadBack {
    private static final Logger LOG = Logger.getLogger(ErpLinkReadBack.class);

    /**
     * @param erpLinks      ERP products whose field names a store product
     * @param linked        links recreated by this run (one ProductLinked each)
     * @param alreadyLinked variant pairs that were linked already
     * @param skipped       why the other ERP links were not recreated
     */
    public record Report(int erpLinks, int linked, int alreadyLinked, List<String> skipped) {
    }

    private final Connectors connectors;
    private final CatalogReads reads;
    private final ProductLinkRepository links;
    private final Linking linking;
    private final ErpLinkWriter writer;
    private final TenantRegistry tenants;
    private final Vertx vertx;

    public ErpLinkReadBack(Connectors connectors, CatalogReads reads, ProductLinkRepository links, Linking linking,
            ErpLinkWriter writer, TenantRegistry tenants, Vertx vertx) {
        this.connectors = connectors;
        this.reads = reads;
        this.links = links;
        this.linking = linking;
        this.writer = writer;
        this.tenants = tenants;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent ignored) {
        tenants.all().forEach(this::readBackLater);
    }

    /** A tenant connected while the service runs is read back as it would be at start. */
    void onTenantsChanged(@Observes TenantsChanged changed) {
        changed.added().forEach(id -> tenants.find(id).ifPresent(this::readBackLater));
    }

    private void readBackLater(Tenant tenant) {
        if (tenant.erp() == null || !linking.keptInErp(tenant)) {
            return;
        }
        IsolatedContext.run(vertx, () -> run(tenant)).subscribe().with(
                report -> LOG.infof("ERP links of tenant %s read back: %s", tenant.id(), report),
                err -> LOG.warnf("ERP links of tenant %s could not be read back: %s", tenant.id(), err.getMessage()));
    }

    public Uni<Report> run(Tenant tenant) {
        Uni<List<ErpProductLinks.Link>> erpLinks = Uni.createFrom().deferred(() -> connectors
                .require(ErpProductLinks.class, tenant.erp().system()).links(tenant.erp()).collect().asList());
        return erpLinks.chain(found -> Uni.combine().all()
                .unis(reads.read(tenant, Side.ERP), reads.read(tenant, Side.STORE), writer.pending(tenant)).asTuple()
                .chain(all -> Panache.withTransaction(() -> links.ofTenant(tenant.id())
                        .chain(existing -> recreate(tenant, found, all.getItem1(), all.getItem2(), all.getItem3(),
                                existing)))));
    }

    private Uni<Report> recreate(Tenant tenant, List<ErpProductLinks.Link> found, List<CatalogVariant> erp,
            List<CatalogVariant> store, Set<String> pendingWrites, List<ProductLink> existing) {
        Map<String, List<CatalogVariant>> erpByProduct = erp.stream()
                .collect(Collectors.groupingBy(v -> v.ref().productId()));
        Map<String, List<CatalogVariant>> storeByProduct = store.stream()
                .collect(Collectors.groupingBy(v -> v.ref().productId()));
        Map<String, ProductLink> byErpVariant = new HashMap<>();
        Map<String, ProductLink> byStoreVariant = new HashMap<>();
        existing.forEach(l -> {
            byErpVariant.put(l.erpVariantId, l);
            byStoreVariant.put(Linking.storeKey(l.storeProductId, l.storeVariantId), l);
        });
        // variants this run links, so that two ERP products naming the same store product cannot both win
        Set<String> taken = new HashSet<>();
        List<SkuMatcher.Pair> fresh = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int already = 0;
        for (ErpProductLinks.Link link : found) {
            if (pendingWrites.contains(link.erpProductId())) {
                // the field still shows a link Enlace changed since: what Enlace holds wins
                skipped.add("ERP product " + link.erpProductId() + ": a link change is still being written there");
                continue;
            }
            List<CatalogVariant> erpSide = erpByProduct.getOrDefault(link.erpProductId(), List.of());
            List<CatalogVariant> storeSide = storeByProduct.getOrDefault(link.storeProductId(), List.of());
            List<SkuMatcher.Pair> pairs = ExternalIdPairing.pair(erpSide, storeSide);
            if (pairs.isEmpty()) {
                skipped.add("ERP product " + link.erpProductId() + ": store product " + link.storeProductId()
                        + (storeSide.isEmpty() ? " not found" : " has no variant that pairs with it"));
            }
            for (SkuMatcher.Pair pair : pairs) {
                ProductLink byErp = byErpVariant.get(pair.erp().ref().variantId());
                ProductLink byStore = byStoreVariant.get(Linking.storeKey(pair.store().ref().productId(),
                        pair.store().ref().variantId()));
                if (byErp != null && byErp == byStore) {
                    already++;
                } else if (byErp != null || byStore != null) {
                    skipped.add("ERP variant " + pair.erp().ref().variantId() + " / store product "
                            + link.storeProductId() + ": already linked otherwise (link "
                            + (byErp != null ? byErp.id : byStore.id) + ")");
                } else if (!taken.add("erp:" + pair.erp().ref().variantId()) | !taken.add("store:" + Linking.storeKey(
                        pair.store().ref().productId(), pair.store().ref().variantId()))) {
                    skipped.add("ERP variant " + pair.erp().ref().variantId() + " / store product "
                            + link.storeProductId() + ": named by another ERP product too");
                } else {
                    fresh.add(pair);
                }
            }
        }
        return linking.linkAll(tenant, fresh, LinkMethod.EXTERNAL_ID)
                .replaceWith(new Report(found.size(), fresh.size(), already, skipped));
    }

}

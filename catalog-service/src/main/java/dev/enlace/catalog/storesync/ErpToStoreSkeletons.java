package dev.enlace.catalog.storesync;

import dev.enlace.catalog.domain.SyncStatus;

import dev.enlace.catalog.sync.EchoGuard;

import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CA4 with the ERP as source (MoySklad -> inSales): each ERP product not linked yet becomes a store
 * product skeleton ({@link ProductSplit#skeleton}: name, description, groups), whose variants are
 * linked to the ERP's by SKU, or by position when the SKUs do not tell. Needs the ERP's
 * {@code ProductCatalog} and the store's {@code ProductWriter}.
 */
@ApplicationScoped
public class ErpToStoreSkeletons {
    private final Connectors connectors;
    private final Outbox outbox;
    private final FailureRecords failures;
    private final EchoGuard echoes;

    public ErpToStoreSkeletons(Connectors connectors, Outbox outbox, FailureRecords failures, EchoGuard echoes) {
        this.connectors = connectors;
        this.outbox = outbox;
        this.failures = failures;
        this.echoes = echoes;
    }

    /** True when a skeleton was created, false when the ERP product was linked before. */
    public Uni<Boolean> createMissing(Tenant tenant, ProductSnapshot erp, String causationId) {
        ProductWriter writer = connectors.require(ProductWriter.class, tenant.store().system());
        return Panache.withSession(() -> ProductLink.count("tenant = ?1 and erpSystem = ?2 and erpProductId = ?3",
                        tenant.id(), erp.system(), erp.productId()))
                .chain(linked -> linked > 0 ? Uni.createFrom().item(false)
                        // hidden like a CA3 import: a skeleton has no price yet, and must not sell for nothing
                        : writer.create(tenant.store(), ProductSplit.skeleton(erp), new ProductWriter.WriteOptions(true, false))
                                .call(store -> link(tenant, erp, store, causationId))
                                .call(store -> echoes.remember(tenant.id(), store))
                                .replaceWith(true))
                .call(() -> failures.resolve(tenant.id(), SyncStatus.FAILURE_KIND, StoreToErpSync.reference(erp)))
                .onFailure().call(e -> failures.record(tenant.id(), SyncStatus.FAILURE_KIND,
                        StoreToErpSync.reference(erp), String.valueOf(e.getMessage()), StoreToErpSync.reference(erp)));
    }

    private Uni<Void> link(Tenant tenant, ProductSnapshot erp, ProductSnapshot store, String causationId) {
        List<ProductLink> links = new ArrayList<>();
        List<ProductLinked> events = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < erp.variants().size(); i++) {
            ProductSnapshot.VariantSnapshot e = erp.variants().get(i);
            ProductSnapshot.VariantSnapshot s = store.variants().stream()
                    .filter(v -> e.sku() != null && Objects.equals(e.sku(), v.sku())).findFirst()
                    .orElse(erp.variants().size() == store.variants().size() ? store.variants().get(i) : null);
            if (s == null) {
                continue;
            }
            ProductLink link = new ProductLink();
            link.tenant = tenant.id();
            link.sku = e.sku() == null ? "" : e.sku();
            link.erpSystem = erp.system();
            link.erpProductId = erp.productId();
            link.erpVariantId = e.variantId() == null ? erp.productId() : e.variantId();
            link.storeSystem = store.system();
            link.storeProductId = store.productId();
            link.storeVariantId = s.variantId() == null ? "" : s.variantId();
            link.method = LinkMethod.IMPORT;
            link.linkedAt = now;
            links.add(link);
            events.add(new ProductLinked(tenant.id(), link.sku, new ExternalRef(erp.system(), erp.productId(), link.erpVariantId),
                    new ExternalRef(store.system(), store.productId(), s.variantId()), LinkMethod.IMPORT, now));
        }
        return Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < links.size(); i++) {
                ProductLink link = links.get(i);
                ProductLinked event = events.get(i);
                chain = chain.chain(() -> link.persist()).chain(() -> outbox.publish(tenant.id(),
                        link.sku.isEmpty() ? StoreToErpSync.reference(store) : link.sku, event, causationId));
            }
            return chain;
        }).chain(() -> connectors.find(ErpProductLinks.class, erp.system())
                .map(ca9 -> ca9.keep(tenant.erp(), erp.productId(), store.productId()).onFailure().recoverWithNull())
                .orElse(Uni.createFrom().voidItem()));
    }
}

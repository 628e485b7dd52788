package dev.enlace.catalog.storesync;

import dev.enlace.catalog.sync.EchoGuard;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.connectors.StoreProductSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.ingress.WebhookHandler;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantSettings.Master;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CA6 (Jumpseller -> relBase) and CA5 with the store as master (inSales -> MoySklad): a store's
 * product hook names products; each is read back (its current state, whatever order hooks arrive
 * in) and pushed to the ERP, unless the tenant's master is the ERP (then store edits stay in the
 * store, as the seeds describe), or its content is what Enlace last wrote or pushed (no loops).
 * A failed push is a {@code product-sync} failure, retried by hand or by the product's next change,
 * so the delivery itself is done either way.
 */
@ApplicationScoped
public class StoreProductWebhookHandler implements WebhookHandler {
    private final Connectors connectors;
    private final CatalogMasters masters;
    private final EchoGuard echoes;
    private final StoreToErpSync sync;

    public StoreProductWebhookHandler(Connectors connectors, CatalogMasters masters, EchoGuard echoes,
            StoreToErpSync sync) {
        this.connectors = connectors;
        this.masters = masters;
        this.echoes = echoes;
        this.sync = sync;
    }

    @Override
    public boolean handles(String system, String topic) {
        return connectors.find(StoreProductSignals.class, system).map(s -> s.carriesProducts(topic)).orElse(false);
    }

    @Override
    public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
        // an ERP Enlace cannot write products to (Bsale, ...) takes no store product changes
        if (!Boolean.TRUE.equals(tenant.settings().catalog().enabled()) || tenant.erp() == null
                || !delivery.system().equals(tenant.store().system())
                || connectors.find(ProductWriter.class, tenant.erp().system()).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ProductCatalog catalog = connectors.require(ProductCatalog.class, delivery.system());
        return masters.of(tenant).chain(choice -> choice.master() != Master.STORE ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(connectors.require(StoreProductSignals.class, delivery.system()).productIds(delivery))
                        .onItem().transformToUniAndConcatenate(id -> pushOne(tenant, catalog, id, delivery.causationId()))
                        .collect().last().replaceWithVoid());
    }

    /** Read failures are retried by the inbox; push failures are recorded by the push itself. */
    private Uni<Void> pushOne(Tenant tenant, ProductCatalog catalog, String productId, String causationId) {
        return catalog.product(tenant.store(), productId).chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                : echoes.known(tenant.id(), found.get()).chain(echo -> echo ? Uni.createFrom().voidItem()
                        : sync.push(tenant, found.get(), causationId).replaceWithVoid()
                                .onFailure().recoverWithNull()));
    }
}

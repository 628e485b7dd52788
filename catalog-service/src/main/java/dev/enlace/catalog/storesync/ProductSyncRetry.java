package dev.enlace.catalog.storesync;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * OP3 for {@code product-sync} failures: the product named by the reference ({@code <system>:<id>})
 * is read again and pushed again, store products to the ERP, ERP products (CA4 skeletons) to the
 * store. The push is put in line and the request answers at once (the failure shows RETRIED); its
 * success resolves the failure, another failure opens it again with the new reason.
 */
@ApplicationScoped
public class ProductSyncRetry implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(ProductSyncRetry.class);
    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final StoreToErpSync storeToErp;
    private final ErpToStoreSkeletons erpToStore;
    private final Vertx vertx;

    public ProductSyncRetry(TenantRegistry tenants, Connectors connectors, StoreToErpSync storeToErp,
            ErpToStoreSkeletons erpToStore, Vertx vertx) {
        this.tenants = tenants;
        this.connectors = connectors;
        this.storeToErp = storeToErp;
        this.erpToStore = erpToStore;
        this.vertx = vertx;
    }

    @Override
    public String kind() {
        return StoreToErpSync.FAILURE_KIND;
    }

    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        Tenant tenant = tenants.find(failure.tenant()).orElseThrow(
                () -> new IllegalStateException("tenant '" + failure.tenant() + "' is gone"));
        int colon = failure.reference().indexOf(':');
        String system = failure.reference().substring(0, colon);
        String productId = failure.reference().substring(colon + 1);
        boolean store = system.equals(tenant.store().system());
        String causation = "retry:" + failure.id();
        ProductCatalog catalog = connectors.require(ProductCatalog.class, system);
        IsolatedContext.run(vertx, () -> catalog.product(store ? tenant.store() : tenant.erp(), productId)
                        .chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                                : store ? storeToErp.push(tenant, found.get(), causation).replaceWithVoid()
                                : erpToStore.createMissing(tenant, found.get(), causation).replaceWithVoid()))
                // the push records its own failure
                .subscribe().with(v -> LOG.debugf("retried %s", failure.reference()),
                        e -> LOG.debugf("retry of %s failed again: %s", failure.reference(), e.getMessage()));
        return Uni.createFrom().voidItem();
    }
}

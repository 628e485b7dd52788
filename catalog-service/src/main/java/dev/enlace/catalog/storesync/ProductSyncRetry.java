package dev.enlace.catalog.storesync;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * OP3 for {@code product-sync} failures: the product named by the reference ({@code <system>:<id>})
 * is read again and pushed again, store products to the ERP, ERP products (CA4 skeletons) to the
 * store. Success resolves the failure; another failure updates it.
 */
@ApplicationScoped
public class ProductSyncRetry implements FailureRetry {
    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final StoreToErpSync storeToErp;
    private final ErpToStoreSkeletons erpToStore;

    public ProductSyncRetry(TenantRegistry tenants, Connectors connectors, StoreToErpSync storeToErp,
            ErpToStoreSkeletons erpToStore) {
        this.tenants = tenants;
        this.connectors = connectors;
        this.storeToErp = storeToErp;
        this.erpToStore = erpToStore;
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
        return connectors.require(ProductCatalog.class, system).product(store ? tenant.store() : tenant.erp(), productId)
                .chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                        : store ? storeToErp.push(tenant, found.get(), causation).replaceWithVoid()
                        : erpToStore.createMissing(tenant, found.get(), causation).replaceWithVoid());
    }
}

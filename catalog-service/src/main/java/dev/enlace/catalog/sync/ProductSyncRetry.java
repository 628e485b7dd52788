package dev.enlace.catalog.sync;

import dev.enlace.catalog.domain.SyncStatus;
import dev.enlace.catalog.storesync.StoreToErpSync;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * OP3 for product sync in both directions: a retried {@code product-sync} failure ({@code <system>:<productId>})
 * reads that product again, as it is now, and pushes it the way it failed: a store product to the ERP (CA6, CA5
 * with the store as master), an ERP product to the store (CA3, CA5). The push resolves the failure or records the
 * new reason.
 */
@ApplicationScoped
public class ProductSyncRetry implements FailureRetry {
    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final ProductPush erpToStore;
    private final StoreToErpSync storeToErp;

    public ProductSyncRetry(TenantRegistry tenants, Connectors connectors, ProductPush erpToStore,
            StoreToErpSync storeToErp) {
        this.tenants = tenants;
        this.connectors = connectors;
        this.erpToStore = erpToStore;
        this.storeToErp = storeToErp;
    }

    @Override
    public String kind() {
        return SyncStatus.FAILURE_KIND;
    }

    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        Tenant tenant = tenants.find(failure.tenant())
                .orElseThrow(() -> ApiException.notFound("unknown tenant '" + failure.tenant() + "'"));
        int colon = failure.reference().indexOf(':');
        if (colon <= 0) {
            throw ApiException.conflict("not a product reference: '" + failure.reference() + "'");
        }
        String system = failure.reference().substring(0, colon);
        String productId = failure.reference().substring(colon + 1);
        boolean fromStore = system.equals(tenant.store().system());
        String causation = "retry:" + failure.id();
        return connectors.require(ProductCatalog.class, system)
                .product(fromStore ? tenant.store() : ProductPush.erpConnection(tenant), productId)
                .chain(current -> current.isEmpty() ? Uni.createFrom().voidItem()
                        : fromStore ? storeToErp.push(tenant, current.get(), causation).replaceWithVoid()
                        : erpToStore.push(tenant, current.get(), ProductPush.Mode.CHANGE, causation).replaceWithVoid());
    }
}

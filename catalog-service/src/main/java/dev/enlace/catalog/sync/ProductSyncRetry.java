package dev.enlace.catalog.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;

/** OP3 for product sync: a retried failure reads the ERP product again and writes it to the store (CA5). */
@ApplicationScoped
public class ProductSyncRetry implements FailureRetry {
    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final ProductPush push;
    private final ObjectMapper mapper;

    public ProductSyncRetry(TenantRegistry tenants, Connectors connectors, ProductPush push, ObjectMapper mapper) {
        this.tenants = tenants;
        this.connectors = connectors;
        this.push = push;
        this.mapper = mapper;
    }

    @Override
    public String kind() {
        return ProductPush.FAILURE_KIND;
    }

    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        Tenant tenant = tenants.find(failure.tenant())
                .orElseThrow(() -> ApiException.notFound("unknown tenant '" + failure.tenant() + "'"));
        ProductSnapshot recorded;
        try {
            recorded = mapper.readValue(failure.payload(), ProductSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the ERP's current state, not the one that failed: it may have changed since
        return connectors.require(ProductCatalog.class, recorded.system())
                .product(ProductPush.erpConnection(tenant), recorded.productId())
                .chain(current -> current.isEmpty() ? Uni.createFrom().voidItem()
                        : push.push(tenant, current.get(), ProductPush.Mode.CHANGE, "retry:" + failure.id()).replaceWithVoid());
    }
}

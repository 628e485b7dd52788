package dev.enlace.catalog.api;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The tenant a catalog request names, or 404. */
@ApplicationScoped
public class CatalogTenants {
    private final TenantRegistry tenants;

    public CatalogTenants(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    public Tenant require(String id) {
        return tenants.find(id).orElseThrow(() -> ApiException.notFound("unknown tenant '" + id + "'"));
    }
}

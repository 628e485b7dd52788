package dev.enlace.catalog.api;

import dev.enlace.catalog.sync.ProductSyncRuns;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Product sync with the ERP as master: CA3 import, CA11 full push, and their progress. */
@Path("/tenants/{tenant}/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Product sync")
public class ProductSyncResource {
    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final ProductSyncRuns runs;

    public ProductSyncResource(TenantRegistry tenants, Connectors connectors, ProductSyncRuns runs) {
        this.tenants = tenants;
        this.connectors = connectors;
        this.runs = runs;
    }

    @POST
    @Path("/import")
    @Operation(summary = "Create the ERP's products that are not linked yet in the store, disabled, and link them (CA3)")
    public Response importProducts(@PathParam("tenant") String tenant, UriInfo uri) {
        return started(runs.start(tenant(tenant, false), ProductSyncRuns.Kind.IMPORT), uri);
    }

    @POST
    @Path("/push")
    @Operation(summary = "Write every linked product from the ERP to the store again, e.g. after a settings change (CA11)")
    public Response push(@PathParam("tenant") String tenant, UriInfo uri) {
        return started(runs.start(tenant(tenant, true), ProductSyncRuns.Kind.PUSH), uri);
    }

    @GET
    @Path("/runs/{id}")
    @Operation(summary = "Progress of an import or push: done / total, rate, remaining time")
    public ProductSyncRuns.Progress progress(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        return runs.progress(runs.find(tenant(tenant, false).id(), id)
                .orElseThrow(() -> ApiException.notFound("no product run " + id + " for tenant '" + tenant + "'")));
    }

    private Response started(ProductSyncRuns.Run run, UriInfo uri) {
        ProductSyncRuns.Progress progress = runs.progress(run);
        return Response.accepted(progress)
                .location(uri.getAbsolutePathBuilder().path("../runs/" + progress.id()).build().normalize())
                .build();
    }

    private Tenant tenant(String id, boolean erpMastered) {
        Tenant tenant = tenants.find(id).orElseThrow(() -> ApiException.notFound("unknown tenant '" + id + "'"));
        var settings = tenant.settings().catalog();
        if (!Boolean.TRUE.equals(settings.enabled())) {
            throw ApiException.conflict("the catalogue flow of tenant '" + id + "' is turned off");
        }
        if (erpMastered && settings.master() != TenantSettings.Master.ERP) {
            throw ApiException.conflict("the store is the product master of tenant '" + id + "'");
        }
        if (connectors.find(ProductCatalog.class, tenant.erp().system()).isEmpty()
                || connectors.find(ProductWriter.class, tenant.store().system()).isEmpty()) {
            throw ApiException.conflict("products cannot be synced from " + tenant.erp().system() + " to "
                    + tenant.store().system() + " yet");
        }
        return tenant;
    }
}

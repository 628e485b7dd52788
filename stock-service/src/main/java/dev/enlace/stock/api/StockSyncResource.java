package dev.enlace.stock.api;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.stock.messaging.StockReconciliation;
import io.smallrye.mutiny.Uni;
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

/** ST9: the "sync automatically" button, an on-demand reconciliation, and their progress. */
@Path("/tenants/{tenant}/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
public class StockSyncResource {
    private final TenantRegistry tenants;
    private final StockReconciliation reconciliation;

    public StockSyncResource(TenantRegistry tenants, StockReconciliation reconciliation) {
        this.tenants = tenants;
        this.reconciliation = reconciliation;
    }

    @POST
    @Path("/resync")
    @Operation(summary = "Send every linked product's ERP stock to the store again (ST9)")
    public Uni<Response> resync(@PathParam("tenant") String tenant, UriInfo uri) {
        return started(reconciliation.start(tenant(tenant), StockReconciliation.Kind.RESYNC), uri);
    }

    @POST
    @Path("/reconcile")
    @Operation(summary = "Compare both sides now and repair only what drifted (ST9)")
    public Uni<Response> reconcile(@PathParam("tenant") String tenant, UriInfo uri) {
        return started(reconciliation.start(tenant(tenant), StockReconciliation.Kind.RECONCILE), uri);
    }

    @GET
    @Path("/runs/{id}")
    @Operation(summary = "Progress of a resync or reconciliation: done / total, rate, remaining time")
    public Uni<StockReconciliation.Progress> progress(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        var run = reconciliation.find(tenant(tenant).id(), id)
                .orElseThrow(() -> ApiException.notFound("no stock run " + id + " for tenant '" + tenant + "'"));
        return reconciliation.progress(run);
    }

    private Uni<Response> started(StockReconciliation.Run run, UriInfo uri) {
        return reconciliation.progress(run).map(progress -> Response.accepted(progress)
                .location(uri.getAbsolutePathBuilder().path("../runs/" + progress.id()).build().normalize())
                .build());
    }

    private Tenant tenant(String id) {
        Tenant tenant = tenants.find(id).orElseThrow(() -> ApiException.notFound("unknown tenant '" + id + "'"));
        if (!Boolean.TRUE.equals(tenant.settings().stock().enabled())) {
            throw ApiException.conflict("the stock flow of tenant '" + id + "' is turned off");
        }
        return tenant;
    }
}

package dev.enlace.catalog.api;

import dev.enlace.catalog.storesync.CatalogMasters;
import dev.enlace.catalog.storesync.InitialSync;
import dev.enlace.catalog.storesync.SyncRun;
import dev.enlace.catalog.storesync.SyncRuns;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantSettings.Master;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** CA4 initial sync runs and the tenant's product master (CA4, CA5). */
@Path("/tenants/{tenant}/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Initial sync and product master")
public class InitialSyncResource {

    /** @param source the side whose catalogue is copied to the other, and which is the product master afterwards */
    public record StartRequest(@NotNull(message = "is required: STORE or ERP") Master source) {
    }

    public record MasterRequest(@NotNull(message = "is required: STORE or ERP") Master master) {
    }

    private final TenantRegistry tenants;
    private final InitialSync initialSync;
    private final SyncRuns runs;
    private final CatalogMasters masters;

    public InitialSyncResource(TenantRegistry tenants, InitialSync initialSync, SyncRuns runs, CatalogMasters masters) {
        this.tenants = tenants;
        this.initialSync = initialSync;
        this.runs = runs;
        this.masters = masters;
    }

    @POST
    @Path("/initial-sync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start copying the chosen side's catalogue to the other side (CA4); 202 with the run, 409 if one runs")
    public Uni<Response> start(@PathParam("tenant") String tenant, @Valid @NotNull StartRequest request) {
        return initialSync.start(tenant(tenant), request.source()).map(run -> Response
                .accepted(run).location(URI.create("/tenants/" + tenant + "/catalog/initial-sync/" + run.id())).build());
    }

    @GET
    @Path("/initial-sync/{run}")
    @Operation(summary = "A run's progress: done/total, products per second, seconds remaining")
    public Uni<SyncRun> run(@PathParam("tenant") String tenant, @PathParam("run") UUID run) {
        return runs.find(tenant(tenant).id(), run)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("no initial sync " + run + " for '" + tenant + "'")));
    }

    @GET
    @Path("/initial-sync")
    @Operation(summary = "The tenant's latest runs, newest first")
    public Uni<List<SyncRun>> runs(@PathParam("tenant") String tenant) {
        return runs.list(tenant(tenant).id(), 20);
    }

    @GET
    @Path("/master")
    @Operation(summary = "The product master now, and whether it comes from the tenant file or was chosen at runtime")
    public Uni<CatalogMasters.Choice> master(@PathParam("tenant") String tenant) {
        return masters.of(tenant(tenant));
    }

    @PUT
    @Path("/master")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the product master at runtime; wins over the tenant file until deleted")
    public Uni<CatalogMasters.Choice> choose(@PathParam("tenant") String tenant, @Valid @NotNull MasterRequest request) {
        Tenant t = tenant(tenant);
        return masters.choose(t.id(), request.master(), null).chain(() -> masters.of(t));
    }

    @DELETE
    @Path("/master")
    @Operation(summary = "Forget the runtime choice: the tenant file's settings.catalog.master applies again")
    public Uni<CatalogMasters.Choice> forget(@PathParam("tenant") String tenant) {
        Tenant t = tenant(tenant);
        return masters.forget(t.id()).chain(() -> masters.of(t));
    }

    private Tenant tenant(String id) {
        return tenants.find(id).orElseThrow(() -> ApiException.notFound("unknown tenant '" + id + "'"));
    }
}

package dev.enlace.catalog.api;

import dev.enlace.catalog.messaging.ErpLinkReadBack;
import dev.enlace.catalog.messaging.LinkBySku;
import dev.enlace.catalog.messaging.ManualLinks;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.platform.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Links between a tenant's ERP variants and store variants (CA1, CA2, CA9). */
@Path("/tenants/{tenant}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Links")
public class LinkResource {
    private final CatalogTenants tenants;
    private final LinkBySku linkBySku;
    private final ManualLinks manualLinks;
    private final ErpLinkReadBack readBack;
    private final ProductLinkRepository links;

    public LinkResource(CatalogTenants tenants, LinkBySku linkBySku, ManualLinks manualLinks, ErpLinkReadBack readBack,
            ProductLinkRepository links) {
        this.tenants = tenants;
        this.linkBySku = linkBySku;
        this.manualLinks = manualLinks;
        this.readBack = readBack;
        this.links = links;
    }

    @POST
    @Path("/by-sku")
    @Operation(summary = "Link every variant whose SKU is unique on both sides (CA1); repeated SKUs are listed"
            + " with the candidates of both sides")
    public Uni<LinkBySkuReport> linkBySku(@PathParam("tenant") String tenant) {
        return linkBySku.run(tenants.require(tenant));
    }

    @GET
    @Operation(summary = "The tenant's links, by SKU")
    public Uni<List<ProductLink>> list(@PathParam("tenant") String tenant,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return links.page(tenants.require(tenant).id(), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link an ERP variant and a store variant by hand (CA2): ProductLinked, method MANUAL")
    @APIResponse(responseCode = "201", description = "linked; Location names the link")
    @APIResponse(responseCode = "400", description = "the body misses a variant")
    @APIResponse(responseCode = "404", description = "unknown tenant, or a variant its system does not have")
    @APIResponse(responseCode = "409", description = "either variant is linked already")
    public Uni<Response> link(@PathParam("tenant") String tenant, @NotNull @Valid ManualLinkRequest request,
            UriInfo uri) {
        return manualLinks.link(tenants.require(tenant), request).map(link -> Response
                .created(uri.getAbsolutePathBuilder().path(String.valueOf(link.id)).build()).entity(link).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One link")
    public Uni<ProductLink> get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return links.ofTenant(tenants.require(tenant).id(), id).map(link -> {
            if (link == null) {
                throw ApiException.notFound("tenant '" + tenant + "' has no link " + id);
            }
            return link;
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unlink (CA2): ProductUnlinked")
    @APIResponse(responseCode = "204", description = "unlinked")
    @APIResponse(responseCode = "404", description = "unknown tenant or link")
    public Uni<Response> unlink(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return manualLinks.unlink(tenants.require(tenant), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/from-erp")
    @Operation(summary = "Recreate the links the ERP keeps in its own external-id field (CA9; MoySklad"
            + " \"inSales product ID\"); 422 for an ERP without one. Also done when the service starts")
    public Uni<ErpLinkReadBack.Report> fromErp(@PathParam("tenant") String tenant) {
        return readBack.run(tenants.require(tenant));
    }
}

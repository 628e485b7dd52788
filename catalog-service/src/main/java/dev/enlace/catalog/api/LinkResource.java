package dev.enlace.catalog.api;

import dev.enlace.catalog.messaging.LinkBySku;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Links between a tenant's ERP variants and store variants (CA1, CA2). */
@Path("/tenants/{tenant}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Links")
public class LinkResource {
    private final TenantRegistry tenants;
    private final LinkBySku linkBySku;
    private final ProductLinkRepository links;

    public LinkResource(TenantRegistry tenants, LinkBySku linkBySku, ProductLinkRepository links) {
        this.tenants = tenants;
        this.linkBySku = linkBySku;
        this.links = links;
    }

    @POST
    @Path("/by-sku")
    @Operation(summary = "Link every variant whose SKU is unique on both sides (CA1)")
    public Uni<LinkBySkuReport> linkBySku(@PathParam("tenant") String tenant) {
        return linkBySku.run(tenant(tenant));
    }

    @GET
    @Operation(summary = "The tenant's links, by SKU")
    public Uni<List<ProductLink>> list(@PathParam("tenant") String tenant,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return links.page(tenant(tenant).id(), page, size);
    }

    private Tenant tenant(String id) {
        return tenants.find(id).orElseThrow(() -> ApiException.notFound("unknown tenant '" + id + "'"));
    }
}

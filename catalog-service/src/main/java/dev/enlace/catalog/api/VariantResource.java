package dev.enlace.catalog.api;

import dev.enlace.catalog.messaging.CatalogReads;
import dev.enlace.catalog.persistence.Paged;
import dev.enlace.catalog.persistence.SeenVariants;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.catalog.persistence.VariantView;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CA2: the two lists a person links from, side by side, each variant with its link state. By
 * default the first page reads the system again and later pages page through what that read stored.
 */
@Path("/tenants/{tenant}/variants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Links")
public class VariantResource {
    private static final String REFRESH = "read the system again before answering; default: on the first page only";
    private final CatalogTenants tenants;
    private final CatalogReads reads;
    private final SeenVariants seen;

    public VariantResource(CatalogTenants tenants, CatalogReads reads, SeenVariants seen) {
        this.tenants = tenants;
        this.reads = reads;
        this.seen = seen;
    }

    @GET
    @Path("/erp")
    @Operation(summary = "The ERP's variants, optionally those of one branch with their stock there (CA2)",
            description = "office: a branch / warehouse id of the ERP (Bsale office id, relBase warehouse id);"
                    + " only variants the branch's stock listing has are returned, each with its stock there."
                    + " ERPs whose connector has no per-branch stock listing (MoySklad today) answer 422.")
    public Uni<Paged<VariantView>> erp(@PathParam("tenant") String tenant,
            @Parameter(description = "branch (office / warehouse) id") @QueryParam("office") String office,
            @Parameter(description = "part of the SKU, any case") @QueryParam("sku") String sku,
            @Parameter(description = "true: only linked; false: only not linked") @QueryParam("linked") Boolean linked,
            @Parameter(description = REFRESH) @QueryParam("refresh") Boolean refresh,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        Tenant t = tenants.require(tenant);
        Uni<Void> fresh = !reread(refresh, page) ? Uni.createFrom().voidItem()
                : reads.read(t, Side.ERP).chain(() -> office == null ? Uni.createFrom().voidItem() : reads.readOffice(t, office));
        return fresh.chain(() -> seen.page(t.id(), Side.ERP, t.erp().system(), office, null, sku, linked, page, size));
    }

    @GET
    @Path("/store")
    @Operation(summary = "The store's variants, optionally of one product (CA2)")
    public Uni<Paged<VariantView>> store(@PathParam("tenant") String tenant,
            @Parameter(description = "only this store product's variants") @QueryParam("productId") String productId,
            @Parameter(description = "part of the SKU, any case") @QueryParam("sku") String sku,
            @Parameter(description = "true: only linked; false: only not linked") @QueryParam("linked") Boolean linked,
            @Parameter(description = REFRESH) @QueryParam("refresh") Boolean refresh,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        Tenant t = tenants.require(tenant);
        Uni<Void> fresh = !reread(refresh, page) ? Uni.createFrom().voidItem() : reads.read(t, Side.STORE).replaceWithVoid();
        return fresh.chain(() -> seen.page(t.id(), Side.STORE, t.store().system(), null, productId, sku, linked, page,
                size));
    }

    private static boolean reread(Boolean refresh, int page) {
        return refresh != null ? refresh : page == 0;
    }
}

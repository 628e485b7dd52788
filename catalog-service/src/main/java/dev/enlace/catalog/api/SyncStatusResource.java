package dev.enlace.catalog.api;

import dev.enlace.catalog.domain.SyncStatus;
import dev.enlace.catalog.persistence.Paged;
import dev.enlace.catalog.persistence.SyncStatusItems;
import dev.enlace.platform.api.ApiException;
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

/** CA10: every product variant's sync status, with the last error and when. */
@Path("/tenants/{tenant}/sync-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync status")
public class SyncStatusResource {
    private final CatalogTenants tenants;
    private final SyncStatusItems items;

    public SyncStatusResource(CatalogTenants tenants, SyncStatusItems items) {
        this.tenants = tenants;
        this.items = items;
    }

    @GET
    @Operation(summary = "Synced / Not linked / Error per product variant, by SKU (CA10)",
            description = "One item per link and per variant seen on one side only (variants are seen at each"
                    + " link-by-SKU run and variant listing). ERROR: an open product-sync failure of its product"
                    + " on either side, with that failure's reason and time.")
    public Uni<Paged<SyncStatusItems.Item>> list(@PathParam("tenant") String tenant,
            @Parameter(description = "SYNCED, NOT_LINKED or ERROR") @QueryParam("status") String status,
            @Parameter(description = "part of the SKU, any case") @QueryParam("sku") String sku,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return items.page(tenants.require(tenant).id(), status == null ? null : parse(status), sku, page, size);
    }

    private static SyncStatus parse(String status) {
        try {
            return SyncStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be SYNCED, NOT_LINKED or ERROR, not '" + status + "'");
        }
    }
}

package dev.enlace.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.order.persistence.StoreOrder;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The tenant's store orders as order-service saw them (OR1). Orders are those of the tenant's store. */
@Path("/tenants/{tenant}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {
    private final TenantRegistry tenants;
    private final ObjectMapper mapper;

    public OrderResource(TenantRegistry tenants, ObjectMapper mapper) {
        this.tenants = tenants;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "The tenant's store orders, newest first")
    public Uni<List<StoredOrder>> list(@PathParam("tenant") String tenant,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Tenant t = tenant(tenant);
        return StoreOrder.<StoreOrder>find("tenant = ?1 and system = ?2",
                        Sort.by("firstSeenAt", Sort.Direction.Descending).and("orderId", Sort.Direction.Descending),
                        t.id(), t.store().system())
                .page(Page.of(page, size)).list()
                .map(rows -> rows.stream().map(this::view).toList());
    }

    @GET
    @Path("/{orderId}")
    @Operation(summary = "One store order: its last status, milestones and snapshot; 404 if never seen")
    public Uni<StoredOrder> get(@PathParam("tenant") String tenant, @PathParam("orderId") String orderId) {
        Tenant t = tenant(tenant);
        return StoreOrder.<StoreOrder>findById(new StoreOrder.Key(t.id(), t.store().system(), orderId))
                .onItem().ifNull().failWith(() -> ApiException.notFound(
                        "no order '" + orderId + "' of tenant '" + tenant + "' has been seen"))
                .map(this::view);
    }

    private StoredOrder view(StoreOrder row) {
        try {
            return new StoredOrder(row.system, row.orderId, row.status, row.shipmentStatus, row.paid, row.cancelled,
                    row.shipped, row.firstSeenAt, row.updatedAt, row.paidAt, row.cancelledAt, row.shippedAt,
                    mapper.readValue(row.snapshot, OrderSnapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored order " + row.orderId + " is unreadable", e);
        }
    }

    private Tenant tenant(String id) {
        return tenants.find(id).orElseThrow(() -> ApiException.notFound("unknown tenant '" + id + "'"));
    }
}

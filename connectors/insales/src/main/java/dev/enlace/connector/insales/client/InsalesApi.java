package dev.enlace.connector.insales.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The inSales admin API, the part Enlace uses. The base URI is the shop's {@code .../admin};
 * the {@code .json} suffix picks the format; lists answer bare arrays.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface InsalesApi {

    @GET
    @Path("/products.json")
    Uni<List<InsalesProduct>> products(@QueryParam("per_page") int perPage, @QueryParam("page") int page);

    @GET
    @Path("/products/{id}/variants.json")
    Uni<List<InsalesVariant>> variants(@PathParam("id") String productId);

    /** At most {@link InsalesClients#GROUP_UPDATE_MAX} variants per call; each gets its own status. */
    @PUT
    @Path("/products/variants_group_update.json")
    Uni<List<InsalesVariant.Status>> updateVariants(InsalesVariant.GroupUpdate body);

    @GET
    @Path("/orders/{id}.json")
    Uni<InsalesOrder> order(@PathParam("id") String orderId);

    @GET
    @Path("/webhooks.json")
    Uni<List<InsalesWebhook>> webhooks();

    @POST
    @Path("/webhooks.json")
    Uni<InsalesWebhook> createWebhook(InsalesWebhook.Wrapped body);

    /** The same list with the fields product sync reads (CA4, CA5). */
    @GET
    @Path("/products.json")
    Uni<List<InsalesCatalogProduct>> catalogProducts(@QueryParam("per_page") int perPage, @QueryParam("page") int page);

    @GET
    @Path("/products/{id}.json")
    Uni<InsalesCatalogProduct> catalogProduct(@PathParam("id") String productId);

    @GET
    @Path("/collections.json")
    Uni<List<InsalesCatalogProduct.Group>> collections();

    @GET
    @Path("/categories.json")
    Uni<List<InsalesCatalogProduct.Group>> categories();
}

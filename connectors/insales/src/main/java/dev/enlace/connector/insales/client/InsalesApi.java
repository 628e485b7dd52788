package dev.enlace.connector.insales.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

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

    // ---- inSales as the target of product sync (CA3, CA4, CA5): bodies wrapped in the resource's name ----

    @POST
    @Path("/products.json")
    Uni<InsalesCatalogProduct> createProduct(Map<String, Object> body);

    @PUT
    @Path("/products/{id}.json")
    Uni<InsalesCatalogProduct> updateProduct(@PathParam("id") String productId, Map<String, Object> body);

    @POST
    @Path("/products/{id}/variants.json")
    Uni<InsalesCatalogProduct.Variant> createVariant(@PathParam("id") String productId, Map<String, Object> body);

    /** {@code {"variants":[{id, price, sku, …}]}}, at most {@link InsalesClients#GROUP_UPDATE_MAX}. */
    @PUT
    @Path("/products/variants_group_update.json")
    Uni<List<InsalesVariant.Status>> updateVariantFields(Map<String, Object> body);

    @POST
    @Path("/categories.json")
    Uni<InsalesCatalogProduct.Group> createCategory(Map<String, Object> body);

    @POST
    @Path("/collections.json")
    Uni<InsalesCatalogProduct.Group> createCollection(Map<String, Object> body);

    @GET
    @Path("/collects.json")
    Uni<List<InsalesCatalogProduct.Collect>> collects(@QueryParam("product_id") String productId);

    @POST
    @Path("/collects.json")
    Uni<InsalesCatalogProduct.Collect> createCollect(Map<String, Object> body);

    @DELETE
    @Path("/collects/{id}.json")
    Uni<Void> deleteCollect(@PathParam("id") long collectId);

    /** {@code {"image":{"src": url}}}: the shop fetches the picture itself. */
    @POST
    @Path("/products/{id}/images.json")
    Uni<InsalesCatalogProduct.Image> createImage(@PathParam("id") String productId, Map<String, Object> body);

    @DELETE
    @Path("/products/{id}/images/{image}.json")
    Uni<Void> deleteImage(@PathParam("id") String productId, @PathParam("image") long imageId);
}

package dev.enlace.connector.jumpseller.client;

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

/** Jumpseller API v1, the part Enlace uses. The base URI ends in {@code /v1}; auth is HTTP Basic. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface JumpsellerApi {

    @GET
    @Path("/products.json")
    Uni<List<JumpsellerProduct.Wrapped>> products(@QueryParam("limit") int limit, @QueryParam("page") int page);

    @PUT
    @Path("/products/{id}/variants/{variantId}.json")
    Uni<JumpsellerVariant.Wrapped> updateVariant(@PathParam("id") String productId,
            @PathParam("variantId") String variantId, JumpsellerVariant.WrappedStockUpdate body);

    @GET
    @Path("/hooks.json")
    Uni<List<JumpsellerHook.Wrapped>> hooks();

    @POST
    @Path("/hooks.json")
    Uni<JumpsellerHook.Wrapped> createHook(JumpsellerHook.Wrapped hook);

    @GET
    @Path("/orders/{id}.json")
    Uni<JumpsellerOrder.Wrapped> order(@PathParam("id") String orderId);

    @PUT
    @Path("/products/{id}.json")
    Uni<JumpsellerProduct.Wrapped> updateProduct(@PathParam("id") String productId,
            JumpsellerVariant.WrappedProductStockUpdate body);

    @GET
    @Path("/products/{id}.json")
    Uni<JumpsellerCatalogProduct.Wrapped> catalogProduct(@PathParam("id") String productId);

    @GET
    @Path("/products.json")
    Uni<List<JumpsellerCatalogProduct.Wrapped>> catalogProducts(@QueryParam("limit") int limit, @QueryParam("page") int page);

    @GET
    @Path("/store/info.json")
    Uni<JumpsellerCatalogProduct.StoreInfo> storeInfo(@QueryParam("fields") String fields);

    /** {@code {"product": {...}}}: product sync's full writes (CA3, CA5). */
    @POST
    @Path("/products.json")
    Uni<JumpsellerCatalogProduct.Wrapped> createProduct(Map<String, Object> body);

    @PUT
    @Path("/products/{id}.json")
    Uni<JumpsellerCatalogProduct.Wrapped> writeProduct(@PathParam("id") String productId, Map<String, Object> body);

    @POST
    @Path("/products/{id}/variants.json")
    Uni<Map<String, Object>> createVariant(@PathParam("id") String productId, Map<String, Object> body);

    @PUT
    @Path("/products/{id}/variants/{variantId}.json")
    Uni<Map<String, Object>> writeVariant(@PathParam("id") String productId, @PathParam("variantId") String variantId,
            Map<String, Object> body);

    /** {@code {"image": {"url", "position"}}}: the store fetches the picture from the URL (CA8). */
    @POST
    @Path("/products/{id}/images.json")
    Uni<Map<String, Object>> addImage(@PathParam("id") String productId, Map<String, Object> body);

    /** Answers a JSON string, e.g. {@code "Image deleted."}. */
    @DELETE
    @Path("/products/{id}/images/{imageId}.json")
    Uni<String> deleteImage(@PathParam("id") String productId, @PathParam("imageId") String imageId);
}

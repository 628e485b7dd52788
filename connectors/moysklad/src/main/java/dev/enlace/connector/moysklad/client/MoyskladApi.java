package dev.enlace.connector.moysklad.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * MoySklad JSON API 1.2, the part Enlace uses. The base URI ends in {@code /api/remap/1.2};
 * auth and {@code Accept-Encoding: gzip} are added by {@link MoyskladClients}.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface MoyskladApi {

    @GET
    @Path("/entity/product")
    Uni<MoyskladPage<MoyskladProduct>> products(@QueryParam("filter") String filter, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("/entity/product/{id}")
    Uni<MoyskladProduct> product(@PathParam("id") String id);

    @GET
    @Path("/entity/variant")
    Uni<MoyskladPage<MoyskladVariant>> variants(@QueryParam("filter") String filter, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("/entity/variant/{id}")
    Uni<MoyskladVariant> variant(@PathParam("id") String id);

    /** Current values of one stock type per item and store: a bare array, no paging. */
    @GET
    @Path("/report/stock/bystore/current")
    Uni<List<MoyskladStoreStock>> stockByStore(@QueryParam("stockType") String stockType,
            @QueryParam("filter") String filter, @QueryParam("changedSince") String changedSince);

    @GET
    @Path("/entity/product/metadata/attributes")
    Uni<MoyskladPage<MoyskladAttribute>> productAttributes();

    /** Partial update: attributes are merged by key, fields not sent keep their value. */
    @PUT
    @Path("/entity/product/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladProduct> updateProduct(@PathParam("id") String id, Map<String, Object> changes);

    // ---- product sync (CA4, CA5, CA6): bodies are maps, since only the fields sent change ----

    @GET
    @Path("/entity/product/{id}")
    Uni<MoyskladCatalogProduct> catalogProduct(@PathParam("id") String id);

    @POST
    @Path("/entity/product")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCatalogProduct> createProduct(Map<String, Object> product);

    @PUT
    @Path("/entity/product/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCatalogProduct> updateCatalogProduct(@PathParam("id") String id, Map<String, Object> changes);

    @GET
    @Path("/entity/productfolder")
    Uni<MoyskladPage<MoyskladCatalogProduct.Named>> folders(@QueryParam("filter") String filter,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @POST
    @Path("/entity/productfolder")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCatalogProduct.Named> createFolder(Map<String, Object> folder);

    @GET
    @Path("/context/companysettings/pricetype/default")
    Uni<MoyskladCatalogProduct.Named> defaultPriceType();

    @GET
    @Path("/entity/product/{id}/images")
    Uni<MoyskladPage<MoyskladCatalogProduct.Named>> images(@PathParam("id") String id);

    // ---- MoySklad as the source of product sync (CA3, CA4, CA5) ----

    @GET
    @Path("/entity/product")
    Uni<MoyskladPage<MoyskladCatalogProduct>> catalogProducts(@QueryParam("filter") String filter,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/entity/variant")
    Uni<MoyskladPage<MoyskladCatalogVariant>> catalogVariants(@QueryParam("filter") String filter,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/entity/product/{id}/images")
    Uni<MoyskladPage<MoyskladImage>> productImages(@PathParam("id") String id);

    /** The price types, first = default: a bare array. */
    @GET
    @Path("/context/companysettings/pricetype")
    Uni<List<MoyskladCatalogProduct.Named>> priceTypes();

    /**
     * An image's content is behind a redirect ({@code Location}) to a temporary link that needs no auth,
     * living the seconds asked for (at most 86,400). The client does not follow redirects.
     */
    @GET
    @Path("/download/{id}")
    Uni<Response> download(@PathParam("id") String id,
            @HeaderParam("X-Lognex-Download-Expiration-Seconds") int expirationSeconds);

    /** {@code {"filename", "content": base64}}; answers the product's whole image list. */
    @POST
    @Path("/entity/product/{id}/images")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<List<MoyskladCatalogProduct.Named>> addImage(@PathParam("id") String id, Map<String, Object> image);

    // ---- customer orders (ST2, OR2): one per store order, found again by externalCode ----

    @GET
    @Path("/entity/organization")
    Uni<MoyskladPage<MoyskladCustomerOrder.Party>> organizations(@QueryParam("limit") int limit);

    @GET
    @Path("/entity/store")
    Uni<MoyskladPage<MoyskladCatalogProduct.Named>> stores(@QueryParam("limit") int limit);

    @GET
    @Path("/entity/counterparty")
    Uni<MoyskladPage<MoyskladCustomerOrder.Party>> counterparties(@QueryParam("filter") String filter,
            @QueryParam("limit") int limit);

    @POST
    @Path("/entity/counterparty")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCustomerOrder.Party> createCounterparty(Map<String, Object> counterparty);

    @GET
    @Path("/entity/customerorder/metadata")
    Uni<MoyskladCustomerOrder.Metadata> customerOrderMetadata();

    @GET
    @Path("/entity/customerorder")
    Uni<MoyskladPage<MoyskladCustomerOrder>> customerOrders(@QueryParam("filter") String filter,
            @QueryParam("limit") int limit);

    @POST
    @Path("/entity/customerorder")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCustomerOrder> createCustomerOrder(Map<String, Object> order);

    /** Partial update; {@code positions} sent here would replace them all, so positions change through their own path. */
    @PUT
    @Path("/entity/customerorder/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCustomerOrder> updateCustomerOrder(@PathParam("id") String id, Map<String, Object> changes);

    @GET
    @Path("/entity/customerorder/{id}/positions")
    Uni<MoyskladPage<MoyskladCustomerOrder.Position>> customerOrderPositions(@PathParam("id") String id,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @POST
    @Path("/entity/customerorder/{id}/positions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<List<MoyskladCustomerOrder.Position>> addCustomerOrderPositions(@PathParam("id") String id,
            List<Map<String, Object>> positions);

    @PUT
    @Path("/entity/customerorder/{id}/positions/{position}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MoyskladCustomerOrder.Position> updateCustomerOrderPosition(@PathParam("id") String id,
            @PathParam("position") String position, Map<String, Object> changes);
}

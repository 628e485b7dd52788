package dev.enlace.connector.smarty.client;

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
 * Gestionale Smarty API V2, the part Enlace uses: {@code {Resource}/{action}/[{id}]} under a base URI ending in
 * {@code /titanium/V2/Api}; {@link SmartyClients} adds the {@code ApiKey} query parameter. Lists are bare
 * arrays paged with {@code limit} + {@code offset}; local times are {@code yyyy-MM-ddTHH:mm:ss} strings.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SmartyApi {

    /** @param lastUpdateFrom only products changed since then (incremental pull); null for all */
    @GET
    @Path("/Products/list")
    Uni<List<SmartyProduct>> products(@QueryParam("limit") int limit, @QueryParam("offset") int offset,
            @QueryParam("last_update_from") String lastUpdateFrom);

    /** @param replaceImages 1 replaces the images, otherwise they are appended */
    @POST
    @Path("/Products/post/")
    Uni<SmartyProduct> postProduct(@QueryParam("replace_images") Integer replaceImages, SmartyProduct product);

    @PUT
    @Path("/Products/put/{id}")
    Uni<SmartyProduct> putProduct(@PathParam("id") long id, SmartyProduct changes);

    @POST
    @Path("/Variations/post/")
    Uni<SmartyProduct.Variation> postVariation(SmartyProduct.Variation variation);

    @PUT
    @Path("/Variations/put/{id}")
    Uni<SmartyProduct.Variation> putVariation(@PathParam("id") long id, SmartyProduct.Variation changes);

    @GET
    @Path("/Customers/list")
    Uni<List<SmartyCustomer>> customers(@QueryParam("text") String text, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @POST
    @Path("/Customers/post/")
    Uni<SmartyCustomer> postCustomer(SmartyCustomer customer);

    /** One of {@code processing}, {@code shipped}, {@code shipping_confirmed} = 1 picks the state. */
    @GET
    @Path("/Sales_Orders/list")
    Uni<List<SmartyOrder>> orders(@QueryParam("created_from") String createdFrom, @QueryParam("created_to") String createdTo,
            @QueryParam("processing") Integer processing, @QueryParam("shipped") Integer shipped,
            @QueryParam("shipping_confirmed") Integer shippingConfirmed, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @POST
    @Path("/Sales_Orders/post/")
    Uni<SmartyOrder> postOrder(SmartyOrder order);

    @POST
    @Path("/Sales_Orders/ship/{id}")
    Uni<SmartyOrder> ship(@PathParam("id") long id);

    @POST
    @Path("/Sales_Orders/confirmShip/{id}")
    Uni<SmartyOrder> confirmShip(@PathParam("id") long id, SmartyOrder.Shipment shipment);
}

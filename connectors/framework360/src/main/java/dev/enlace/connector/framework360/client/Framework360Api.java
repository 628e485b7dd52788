package dev.enlace.connector.framework360.client;

import dev.enlace.connector.framework360.Framework360Guesses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Framework360's API under a site's {@code /m/api}: reads are GET with query parameters, writes POST to verb-style
 * paths with ids in the body; the {@code X-Fw360-Key} header is added by {@link Framework360Clients}. The
 * {@code products/*} paths are guesses: Framework360 publishes no product or stock endpoint.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface Framework360Api {

    @GET
    @Path("/check")
    Uni<Fw360Data<Object>> check();

    @GET
    @Path("/orders/list")
    Uni<Fw360Data<List<Fw360Order>>> orders(@QueryParam("page") int page, @QueryParam("limit") int limit,
            @QueryParam("statuses[]") List<Integer> statuses);

    @GET
    @Path("/orders/get")
    Uni<Fw360Data<Fw360Order>> order(@QueryParam(Framework360Guesses.ORDER_ID_PARAM) String id);

    @GET
    @Path("/orders/statuses")
    Uni<Fw360Data<List<Fw360Site.Status>>> statuses();

    @POST
    @Path("/orders/updateStatus")
    Uni<Fw360Data<Fw360Order>> updateStatus(Fw360Order.StatusUpdate update);

    @POST
    @Path("/webhooks/create")
    Uni<Fw360Data<Fw360Site.Webhook>> createWebhook(Fw360Site.NewWebhook webhook);

    @POST
    @Path("/webhooks/delete")
    Uni<Fw360Data<Object>> deleteWebhook(Fw360Site.WebhookId id);

    @GET
    @Path("/payments/list")
    Uni<Fw360Data<List<Fw360Site.Payment>>> payments();

    @GET
    @Path("/payments/taxes")
    Uni<Fw360Data<List<Fw360Site.Tax>>> taxes();

    @GET
    @Path("/" + Framework360Guesses.PRODUCTS_LIST)
    Uni<Fw360Data<List<Fw360Product>>> products(@QueryParam("page") int page, @QueryParam("limit") int limit);

    @GET
    @Path("/" + Framework360Guesses.PRODUCTS_GET)
    Uni<Fw360Data<Fw360Product>> product(@QueryParam(Framework360Guesses.PRODUCT_ID_PARAM) long id);

    @POST
    @Path("/" + Framework360Guesses.PRODUCTS_CREATE)
    Uni<Fw360Data<Fw360Product>> createProduct(Fw360Product.Write product);

    @POST
    @Path("/" + Framework360Guesses.PRODUCTS_UPDATE)
    Uni<Fw360Data<Fw360Product>> updateProduct(Fw360Product.Write product);

    @POST
    @Path("/" + Framework360Guesses.PRODUCTS_UPDATE_STOCK)
    Uni<Fw360Data<Fw360Product>> updateStock(Fw360Product.StockUpdate update);
}

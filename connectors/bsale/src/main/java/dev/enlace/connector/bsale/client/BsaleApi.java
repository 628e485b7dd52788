package dev.enlace.connector.bsale.client;

import java.util.Map;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Bsale API v1 (Chile), the part Enlace uses. The base URI ends in {@code /v1}; the
 * {@code access_token} header is added by {@link BsaleClients}.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface BsaleApi {

    @GET
    @Path("/variants.json")
    Uni<BsalePage<BsaleVariant>> variants(@QueryParam("state") Integer state, @QueryParam("code") String code,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    /** Variants with their product expanded, for its stockControl flag (bulk stock reads, ST9). */
    @GET
    @Path("/variants.json")
    Uni<BsalePage<BsaleVariant>> variantsWithProduct(@QueryParam("state") Integer state,
            @QueryParam("expand") String expand, @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/variants/{id}.json")
    Uni<BsaleVariant> variant(@PathParam("id") String id, @QueryParam("expand") String expand);

    @GET
    @Path("/products.json")
    Uni<BsalePage<BsaleProduct>> products(@QueryParam("state") Integer state, @QueryParam("expand") String expand,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/products/{id}.json")
    Uni<BsaleProduct> product(@PathParam("id") String id, @QueryParam("expand") String expand);

    @GET
    @Path("/price_lists.json")
    Uni<BsalePage<BsalePriceList>> priceLists(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/price_lists/{id}/details.json")
    Uni<BsalePage<BsalePriceDetail>> priceDetails(@PathParam("id") String priceListId,
            @QueryParam("variantid") String variantId, @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/stocks.json")
    Uni<BsalePage<BsaleStock>> stocks(@QueryParam("variantid") String variantId, @QueryParam("officeid") String officeId,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @POST
    @Path("/documents.json")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<BsaleDocument> createDocument(Map<String, Object> body);

    @GET
    @Path("/documents.json")
    Uni<BsalePage<BsaleDocument>> documents(@QueryParam("referencenumber") String referenceNumber,
            @QueryParam("codesii") String codeSii, @QueryParam("state") Integer state,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/documents/{id}.json")
    Uni<BsaleDocument> document(@PathParam("id") String id);

    @GET
    @Path("/documents/{id}/details.json")
    Uni<BsalePage<BsaleDocumentDetail>> documentDetails(@PathParam("id") String id,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @POST
    @Path("/returns.json")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<BsaleReturn> createReturn(Map<String, Object> body);

    @GET
    @Path("/returns.json")
    Uni<BsalePage<BsaleReturn>> returns(@QueryParam("referencedocumentid") String referenceDocumentId,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @POST
    @Path("/shippings.json")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<BsaleShipping> createShipping(Map<String, Object> body);

    @GET
    @Path("/shippings.json")
    Uni<BsalePage<BsaleShipping>> shippings(@QueryParam("state") Integer state, @QueryParam("expand") String expand,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    /** Offices (sucursales); {@code state} 0 = active. */
    @GET
    @Path("/offices.json")
    Uni<BsalePage<BsaleOffice>> offices(@QueryParam("state") Integer state, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    /** Subtracts stock (bsale.md §4); not idempotent. */
    @POST
    @Path("/stocks/consumptions.json")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<BsaleStockMove> createConsumption(Map<String, Object> body);

    /** {@code consumptiondate}: Unix seconds of the day's midnight in Chile, as Bsale stamps consumptions. */
    @GET
    @Path("/stocks/consumptions.json")
    Uni<BsalePage<BsaleStockMove>> consumptions(@QueryParam("officeid") String officeId,
            @QueryParam("consumptiondate") Long consumptionDate, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    /** Adds stock (bsale.md §4); not idempotent. */
    @POST
    @Path("/stocks/receptions.json")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<BsaleStockMove> createReception(Map<String, Object> body);

    @GET
    @Path("/stocks/receptions.json")
    Uni<BsalePage<BsaleStockMove>> receptions(@QueryParam("officeid") String officeId,
            @QueryParam("documentnumber") String documentNumber, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);
}

package dev.enlace.connector.relbase.client;

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

import java.time.LocalDate;
import java.util.Map;

/**
 * relBase REST API v1 (Chile), the part Enlace uses. The base URI ends in {@code /api/v1}; the
 * {@code company} and {@code authorization} headers are added by {@link RelbaseClients}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RelbaseApi {

    @GET
    @Path("/productos")
    Uni<RelbaseList<RelbaseProduct>> products(@QueryParam("query") String query, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("/productos/{id}")
    Uni<RelbaseOne<RelbaseProduct>> product(@PathParam("id") String id);

    @GET
    @Path("/productos/{id}/stock_por_bodegas")
    Uni<RelbaseOne<RelbaseStocks>> stockByWarehouse(@PathParam("id") String id);

    @GET
    @Path("/clientes")
    Uni<RelbaseList<RelbaseCustomer>> customers(@QueryParam("query") String query, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    /** Not in the public evidence (relbase.md §2 "unknown"): a guess, see the README. */
    @POST
    @Path("/clientes")
    Uni<RelbaseOne<RelbaseCustomer>> createCustomer(RelbaseCustomer customer);

    @GET
    @Path("/dtes")
    Uni<RelbaseList<RelbaseDte>> dtes(@QueryParam("type_document") Integer typeDocument,
            @QueryParam("start_date") LocalDate startDate, @QueryParam("end_date") LocalDate endDate,
            @QueryParam("query") String query, @QueryParam("page") int page, @QueryParam("per_page") int perPage);

    @POST
    @Path("/dtes")
    Uni<RelbaseOne<RelbaseDte>> createDte(NewDte dte);

    /** One document with its {@code products[]}. */
    @GET
    @Path("/dtes/{id}")
    Uni<RelbaseOne<RelbaseDte>> dte(@PathParam("id") String id);

    @GET
    @Path("/productos/{id}")
    Uni<RelbaseOne<RelbaseCatalogProduct>> catalogProduct(@PathParam("id") String id);

    /** Not in the public evidence (relbase.md §2 "unknown"): a guess, see the README. Fields not sent are kept. */
    @POST
    @Path("/productos")
    Uni<RelbaseOne<RelbaseCatalogProduct>> createProduct(Map<String, Object> product);

    /** Not in the public evidence either; same guess. */
    @PUT
    @Path("/productos/{id}")
    Uni<RelbaseOne<RelbaseCatalogProduct>> updateProduct(@PathParam("id") String id, Map<String, Object> changes);
}

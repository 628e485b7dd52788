package dev.enlace.connector.moysklad.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
}

package dev.enlace.connector.bsale.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
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
    @Path("/stocks.json")
    Uni<BsalePage<BsaleStock>> stocks(@QueryParam("variantid") String variantId, @QueryParam("officeid") String officeId,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);
}

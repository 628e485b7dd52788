package dev.enlace.platform.failure;

import dev.enlace.platform.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** OP3: what keeps failing, with its reason, and a way to retry it after a fix. */
@Path("/failures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Failures")
public class FailureResource {
    private final FailureRecords failures;
    private final Instance<FailureRetry> retries;

    public FailureResource(FailureRecords failures, Instance<FailureRetry> retries) {
        this.failures = failures;
        this.retries = retries;
    }

    @GET
    @Operation(summary = "List failures, newest first")
    public Uni<List<FailureRecords.Failure>> list(@QueryParam("tenant") String tenant,
            @QueryParam("status") FailureRecords.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return failures.list(tenant, status, page, size);
    }

    @GET
    @Path("/{id}")
    public Uni<FailureRecords.Failure> get(@PathParam("id") long id) {
        return failures.find(id).map(f -> f.orElseThrow(() -> ApiException.notFound("no failure " + id)));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Put the failed work back in line")
    public Uni<FailureRecords.Failure> retry(@PathParam("id") long id) {
        return get(id).chain(failure -> {
            FailureRetry retry = retries.stream().filter(r -> r.kind().equals(failure.kind())).findFirst()
                    .orElseThrow(() -> ApiException.conflict("failures of kind '" + failure.kind()
                            + "' cannot be retried by hand"));
            // marked first: a retry that finishes at once resolves or reopens the failure itself
            return failures.markRetried(id)
                    .chain(() -> retry.retry(failure))
                    .onFailure().call(() -> failures.reopen(id))
                    .chain(() -> get(id));
        });
    }
}

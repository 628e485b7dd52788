package dev.enlace.platform.ingress;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** OP4: the endpoint every external system posts its webhooks to. */
@Path("/webhooks/{system}/{tenant}")
@Tag(name = "Webhooks")
public class WebhookResource {
    private final WebhookIngress ingress;

    public WebhookResource(WebhookIngress ingress) {
        this.ingress = ingress;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed webhook (Jumpseller and other systems that sign their deliveries)")
    public Uni<Response> receive(@PathParam("system") String system, @PathParam("tenant") String tenant,
            HttpHeaders headers, byte[] body) {
        return answer(new WebhookRequest(system, tenant, null, lowerCase(headers), body));
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a webhook authenticated by a secret URL token (Bsale, which signs nothing)")
    public Uni<Response> receiveWithToken(@PathParam("system") String system, @PathParam("tenant") String tenant,
            @PathParam("token") String token, HttpHeaders headers, byte[] body) {
        return answer(new WebhookRequest(system, tenant, token, lowerCase(headers), body));
    }

    private Uni<Response> answer(WebhookRequest request) {
        return ingress.receive(request).map(outcome -> Response
                .status(outcome == WebhookIngress.Outcome.ACCEPTED ? ingress.acceptedStatus(request.system()) : 200)
                .entity(ANSWERS.get(outcome))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
    }

    /** Written once, rather than a map serialised by Jackson for each of up to a thousand webhooks a second. */
    private static final Map<WebhookIngress.Outcome, String> ANSWERS = java.util.Arrays.stream(WebhookIngress.Outcome.values())
            .collect(java.util.stream.Collectors.toMap(o -> o,
                    o -> "{\"status\":\"" + o.name().toLowerCase(Locale.ROOT) + "\"}"));

    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        Map<String, List<String>> result = new HashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
        return result;
    }
}

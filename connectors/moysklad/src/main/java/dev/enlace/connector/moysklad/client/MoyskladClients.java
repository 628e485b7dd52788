package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.outbound.OutboundCalls;
import dev.enlace.platform.outbound.RateLimit;
import dev.enlace.platform.tenant.Connection;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per MoySklad account, every call through {@link OutboundCalls}. The bucket is
 * 45 units per 3 s, and a user-token integration pays 4 units a request from 2026-12-01, so the
 * budget is 11 requests per 3 s (the few 5-unit full stock reports are not used).
 */
@ApplicationScoped
public class MoyskladClients {
    public static final String SYSTEM = "moysklad";
    /** MoySklad's largest page. */
    public static final int PAGE_SIZE = 1000;
    static final List<RateLimit> LIMITS = List.of(new RateLimit(11, Duration.ofSeconds(3)));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutboundCalls outbound;
    private final Map<String, MoyskladApi> clients = new ConcurrentHashMap<>();

    public MoyskladClients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    /** Calls the API as the connection's account; {@code idempotent} as in {@link OutboundCalls}. */
    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent,
            Function<MoyskladApi, Uni<T>> call) {
        String token = connection.secret("accessToken");
        MoyskladApi api = clients.computeIfAbsent(connection.baseUrl() + "#" + token, k -> build(connection, token));
        return outbound.call(account(connection), LIMITS, operation, idempotent, () -> call.apply(api));
    }

    /** Every row of a paged list, fetching the next page only when the previous one is consumed. */
    public <T> Multi<T> all(Connection connection, String operation,
            BiFunction<MoyskladApi, Integer, Uni<MoyskladPage<T>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {0}, offset -> call(connection, operation, true, api -> page.apply(api, offset[0]))
                        .invoke(p -> offset[0] += PAGE_SIZE))
                .whilst(MoyskladPage::hasNext)
                .onItem().transformToIterable(MoyskladPage::rows);
    }

    static String account(Connection connection) {
        return SYSTEM + ":" + connection.property("accountId").orElse(connection.baseUrl().toString());
    }

    private static MoyskladApi build(Connection connection, String token) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(connection.baseUrl())
                .enableCompression(true)
                .register((ClientRequestFilter) ctx -> {
                    ctx.getHeaders().putSingle("Authorization", "Bearer " + token);
                    // without it MoySklad answers 415 with an empty body
                    ctx.getHeaders().putSingle("Accept-Encoding", "gzip");
                })
                .register(new ErrorMapper())
                .build(MoyskladApi.class);
    }

    /**
     * Errors are {@code {"errors":[{"error","code",...}]}}; a 429 says when to come back in
     * {@code X-Lognex-Retry-After} (milliseconds).
     */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            Duration retryAfter = null;
            String header = response.getHeaderString("X-Lognex-Retry-After");
            if (header != null && header.matches("\\d+")) {
                retryAfter = Duration.ofMillis(Long.parseLong(header));
            }
            return new ExternalApiException(SYSTEM, response.getStatus(), firstError(body), retryAfter);
        }

        private static String firstError(String body) {
            try {
                JsonNode first = JSON.readTree(body).path("errors").path(0);
                return first.isMissingNode() ? body : first.path("code").asText() + " " + first.path("error").asText();
            } catch (IOException e) {
                return body;
            }
        }
    }
}

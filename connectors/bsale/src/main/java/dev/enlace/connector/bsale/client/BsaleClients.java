package dev.enlace.connector.bsale.client;

import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.outbound.OutboundCalls;
import dev.enlace.platform.outbound.RateLimit;
import dev.enlace.platform.outbound.RateLimits;
import dev.enlace.platform.tenant.Connection;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per Bsale account, and every call through {@link OutboundCalls} under the
 * account's limit (3,000 requests per 300 s, as integrators report it).
 */
@ApplicationScoped
public class BsaleClients {
    public static final String SYSTEM = "bsale";
    /** Bsale's largest page. */
    public static final int PAGE_SIZE = 50;
    static final List<RateLimit> LIMITS = List.of(new RateLimit(3000, Duration.ofSeconds(300)));

    private final OutboundCalls outbound;
    private final Map<String, BsaleApi> clients = new ConcurrentHashMap<>();

    public BsaleClients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    /** Calls the API as the connection's account; {@code idempotent} as in {@link OutboundCalls}. */
    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent, Function<BsaleApi, Uni<T>> call) {
        String token = connection.secret("accessToken");
        BsaleApi api = clients.computeIfAbsent(connection.baseUrl() + "#" + token, k -> build(connection, token));
        return outbound.call(account(connection), RateLimits.of(connection, LIMITS), operation, idempotent,
                () -> call.apply(api));
    }

    /** Every item of a paged list, fetching the next page only when the previous one is consumed. */
    public <T> Multi<T> all(Connection connection, String operation, BiFunction<BsaleApi, Integer, Uni<BsalePage<T>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {0}, offset -> call(connection, operation, true, api -> page.apply(api, offset[0]))
                        .invoke(p -> offset[0] += PAGE_SIZE))
                .whilst(p -> p.next() != null)
                .onItem().transformToIterable(BsalePage::items);
    }

    static String account(Connection connection) {
        return SYSTEM + ":" + connection.property("companyId").orElse(connection.baseUrl().toString());
    }

    private static BsaleApi build(Connection connection, String token) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(connection.baseUrl())
                .register((jakarta.ws.rs.client.ClientRequestFilter) ctx -> ctx.getHeaders().putSingle("access_token", token))
                .register(new ErrorMapper())
                .build(BsaleApi.class);
    }

    /** Bsale errors are {@code {"error": "..."}}; an over-limit can also surface as a 500. */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            Duration retryAfter = null;
            String header = response.getHeaderString("Retry-After");
            if (header != null && header.matches("\\d+")) {
                retryAfter = Duration.ofSeconds(Long.parseLong(header));
            }
            return new ExternalApiException(SYSTEM, response.getStatus(), body, retryAfter);
        }
    }
}

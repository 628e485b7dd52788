package dev.enlace.connector.jumpseller.client;

import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.outbound.OutboundCalls;
import dev.enlace.platform.outbound.RateLimit;
import dev.enlace.platform.outbound.RateLimits;
import dev.enlace.platform.tenant.Connection;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per Jumpseller store, every call under the store's published limits:
 * 20 requests per second and 800 per minute.
 */
@ApplicationScoped
public class JumpsellerClients {
    public static final String SYSTEM = "jumpseller";
    public static final int PAGE_SIZE = 100;
    static final List<RateLimit> LIMITS = List.of(RateLimit.perSecond(20), RateLimit.perMinute(800));

    private final OutboundCalls outbound;
    private final Map<String, JumpsellerApi> clients = new ConcurrentHashMap<>();

    public JumpsellerClients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent,
            Function<JumpsellerApi, Uni<T>> call) {
        String login = connection.secret("login");
        String token = connection.secret("authToken");
        JumpsellerApi api = clients.computeIfAbsent(connection.baseUrl() + "#" + login + ":" + token,
                k -> build(connection, login, token));
        return outbound.call(account(connection), RateLimits.of(connection, LIMITS), operation, idempotent,
                () -> call.apply(api));
    }

    /** One order as the store holds it now (OR1: read back, so a stale hook never moves it backwards). */
    public Uni<JumpsellerOrder> order(Connection connection, String orderId) {
        return call(connection, "get order", true, api -> api.order(orderId)).map(JumpsellerOrder.Wrapped::order);
    }

    /** Pages have no "next" link: a page shorter than the limit is the last. */
    public <T> Multi<T> all(Connection connection, String operation, BiFunction<JumpsellerApi, Integer, Uni<List<T>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {1}, next -> call(connection, operation, true, api -> page.apply(api, next[0]))
                        .invoke(items -> next[0]++))
                .whilst(items -> items.size() == PAGE_SIZE)
                .onItem().transformToIterable(items -> items);
    }

    static String account(Connection connection) {
        return SYSTEM + ":" + connection.property("storeCode").orElse(connection.baseUrl().toString());
    }

    private static JumpsellerApi build(Connection connection, String login, String token) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((login + ":" + token).getBytes(StandardCharsets.UTF_8));
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(connection.baseUrl())
                .register((ClientRequestFilter) ctx -> ctx.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, basic))
                .register(new ErrorMapper())
                .build(JumpsellerApi.class);
    }

    /**
     * Errors are {@code {"message": "..."}}. No Retry-After is documented; a ban says when it
     * ends in {@code Jumpseller-BannedByRateLimit-Reset}, and a plain 429 waits a second.
     */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            Duration retryAfter = null;
            if (response.getStatus() == 429) {
                retryAfter = banReset(response.getHeaderString("Jumpseller-BannedByRateLimit-Reset"));
            }
            return new ExternalApiException(SYSTEM, response.getStatus(), body, retryAfter);
        }

        private static Duration banReset(String header) {
            if (header == null) {
                return Duration.ofSeconds(1);
            }
            try {
                Duration left = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(header));
                return left.isNegative() ? Duration.ofSeconds(1) : left;
            } catch (DateTimeParseException e) {
                return Duration.ofSeconds(1);
            }
        }
    }
}

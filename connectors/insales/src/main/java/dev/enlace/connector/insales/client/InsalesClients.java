package dev.enlace.connector.insales.client;

import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.outbound.OutboundCalls;
import dev.enlace.platform.outbound.RateLimit;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per inSales shop, every call under the shop's limit: 500 requests per 5
 * minutes per app. Auth is HTTP Basic with the app identifier and the shop's password.
 */
@ApplicationScoped
public class InsalesClients {
    public static final String SYSTEM = "insales";
    /** Public clients cap {@code per_page} at 250. */
    public static final int PAGE_SIZE = 250;
    /** {@code variants_group_update} takes at most 100 variants. */
    public static final int GROUP_UPDATE_MAX = 100;
    static final List<RateLimit> LIMITS = List.of(new RateLimit(500, Duration.ofMinutes(5)));
    /** The Ruby gem's wait when a throttled answer says nothing. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(150);

    private final OutboundCalls outbound;
    private final Map<String, InsalesApi> clients = new ConcurrentHashMap<>();

    public InsalesClients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent,
            Function<InsalesApi, Uni<T>> call) {
        String login = connection.secret("apiKey");
        String password = connection.secret("password");
        InsalesApi api = clients.computeIfAbsent(connection.baseUrl() + "#" + login + ":" + password,
                k -> build(connection, login, password));
        return outbound.call(account(connection), LIMITS, operation, idempotent, () -> call.apply(api));
    }

    /** Pages have no "next" link: a page shorter than {@link #PAGE_SIZE} is the last. */
    public <T> Multi<T> all(Connection connection, String operation, BiFunction<InsalesApi, Integer, Uni<List<T>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {1}, next -> call(connection, operation, true, api -> page.apply(api, next[0]))
                        .invoke(items -> next[0]++))
                .whilst(items -> items.size() == PAGE_SIZE)
                .onItem().transformToIterable(items -> items);
    }

    /** Each shop is its own host, so the base URL names the account the limit counts against. */
    public static String account(Connection connection) {
        return SYSTEM + ":" + connection.baseUrl();
    }

    private static InsalesApi build(Connection connection, String login, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(connection.baseUrl())
                .register((ClientRequestFilter) ctx -> ctx.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, basic))
                .register(new ErrorMapper())
                .build(InsalesApi.class);
    }

    /**
     * Over the limit inSales answers 429 (503 before February 2023) with {@code Retry-After} in
     * seconds, and stays blocked until its 5-minute window ends.
     */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            String header = response.getHeaderString("Retry-After");
            // a legacy 503 with Retry-After is a throttle, and OutboundCalls pauses the account only for 429
            if (status == 429 || (status == 503 && header != null)) {
                return new ExternalApiException(SYSTEM, 429, body, seconds(header));
            }
            return new ExternalApiException(SYSTEM, status, body, null);
        }

        private static Duration seconds(String header) {
            if (header == null) {
                return DEFAULT_WAIT;
            }
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException e) {
                return DEFAULT_WAIT;
            }
        }
    }
}

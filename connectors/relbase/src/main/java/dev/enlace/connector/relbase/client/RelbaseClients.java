package dev.enlace.connector.relbase.client;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per relBase company and user, and every call through {@link OutboundCalls}
 * under the company's limit of 7 requests per second (relbase.md §1).
 */
@ApplicationScoped
public class RelbaseClients {
    public static final String SYSTEM = "relbase";
    /** The page size one public client uses; the API's own maximum is not documented. */
    public static final int PAGE_SIZE = 100;
    static final List<RateLimit> LIMITS = List.of(RateLimit.perSecond(7));
    /** relBase's advice after a 403 for the rate limit is "retry after a short sleep": one window. */
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

    private final OutboundCalls outbound;
    private final Map<String, RelbaseApi> clients = new ConcurrentHashMap<>();

    public RelbaseClients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    /** Calls the API as the connection's company and user; {@code idempotent} as in {@link OutboundCalls}. */
    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent, Function<RelbaseApi, Uni<T>> call) {
        String company = connection.secret("companyToken");
        String user = connection.secret("userToken");
        RelbaseApi api = clients.computeIfAbsent(connection.baseUrl() + "#" + company + "#" + user,
                k -> build(connection, company, user));
        return outbound.call(account(company), LIMITS, operation, idempotent, () -> call.apply(api));
    }

    /** Every item of a paged list, fetching the next page only when the previous one is consumed. */
    public <T> Multi<T> all(Connection connection, String operation,
            BiFunction<RelbaseApi, Integer, Uni<RelbaseList<T>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {1}, next -> call(connection, operation, true, api -> page.apply(api, next[0]))
                        .invoke(p -> next[0] = p.hasNext() ? p.meta().nextPage() : next[0] + 1))
                .whilst(RelbaseList::hasNext)
                .onItem().transformToIterable(RelbaseList::items);
    }

    /** The limit is per company (a guess); the account is named by a digest so no token reaches logs. */
    static String account(String companyToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(companyToken.getBytes(StandardCharsets.UTF_8));
            return SYSTEM + ":" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RelbaseApi build(Connection connection, String company, String user) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(connection.baseUrl())
                // raw tokens, no "Bearer" prefix (relbase.md §1)
                .register((ClientRequestFilter) ctx -> {
                    ctx.getHeaders().putSingle("company", company);
                    ctx.getHeaders().putSingle("authorization", user);
                })
                .register(new ErrorMapper())
                .build(RelbaseApi.class);
    }

    /**
     * Errors come as {@code {"meta":{"code","message"}}}. relBase answers its rate limit with 403,
     * which it also uses for "not accessible": only a 403 that says "rate limit" is retried.
     */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            boolean rateLimited = response.getStatus() == 429
                    || response.getStatus() == 403 && body.toLowerCase(Locale.ROOT).contains("rate limit");
            return new ExternalApiException(SYSTEM, response.getStatus(), body, rateLimited ? RATE_LIMIT_PAUSE : null,
                    rateLimited);
        }
    }
}

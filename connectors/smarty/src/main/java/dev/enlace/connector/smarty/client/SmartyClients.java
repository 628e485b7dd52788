package dev.enlace.connector.smarty.client;

import dev.enlace.connector.smarty.SmartyGuesses;
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
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per Smarty API key, every call through {@link OutboundCalls} under the (guessed) per-key limit.
 * The key travels as the {@code ApiKey} query parameter, as Smarty's own examples send it.
 */
@ApplicationScoped
public class SmartyClients {
    public static final String SYSTEM = "smarty";
    /** The page size Smarty's public clients use. */
    public static final int PAGE_SIZE = 50;
    static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(SmartyGuesses.RATE_LIMIT_PER_MINUTE));

    private final OutboundCalls outbound;
    private final Map<String, SmartyApi> clients = new ConcurrentHashMap<>();

    public SmartyClients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent, Function<SmartyApi, Uni<T>> call) {
        String key = connection.secret("apiKey");
        SmartyApi api = clients.computeIfAbsent(connection.baseUrl() + "#" + key, k -> build(connection.baseUrl(), key));
        return outbound.call(account(key), LIMITS, operation, idempotent, () -> call.apply(api));
    }

    /** Every item of a bare-array list, offset by offset; a short page is the last one. */
    public <T> Multi<T> all(Connection connection, String operation, BiFunction<SmartyApi, Integer, Uni<List<T>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {0}, next -> call(connection, operation, true, api -> page.apply(api, next[0]))
                        .invoke(items -> next[0] += PAGE_SIZE))
                .whilst(items -> items.size() == PAGE_SIZE)
                .onItem().transformToIterable(items -> items);
    }

    /** The account the limit counts against, named by a digest so the key never reaches logs or metrics. */
    static String account(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return SYSTEM + ":" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmartyApi build(java.net.URI baseUrl, String apiKey) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .register((ClientRequestFilter) ctx -> ctx.setUri(UriBuilder.fromUri(ctx.getUri())
                        .queryParam("ApiKey", apiKey).build()))
                .register(new ErrorMapper())
                .build(SmartyApi.class);
    }

    /** Smarty documents no error codes: a 429 is a throttle (a guess), anything else non-2xx a failure. */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            if (status == SmartyGuesses.RATE_LIMITED_STATUS) {
                return new ExternalApiException(SYSTEM, 429, body, retryAfter(response.getHeaderString("Retry-After")), true);
            }
            return new ExternalApiException(SYSTEM, status, body, null);
        }

        private static Duration retryAfter(String header) {
            try {
                return header == null ? SmartyGuesses.DEFAULT_RETRY_AFTER
                        : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException e) {
                return SmartyGuesses.DEFAULT_RETRY_AFTER;
            }
        }
    }
}

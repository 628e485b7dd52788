package dev.enlace.connector.framework360.client;

import dev.enlace.connector.framework360.Framework360Guesses;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One REST client per Framework360 site ({@code https://<site>.framework360.site/m/api}), authenticated with the
 * {@code X-Fw360-Key} header; every call goes through {@link OutboundCalls} under the (guessed) per-site limit.
 */
@ApplicationScoped
public class Framework360Clients {
    public static final String SYSTEM = "framework360";
    public static final String KEY_HEADER = "X-Fw360-Key";
    public static final int PAGE_SIZE = Framework360Guesses.MAX_LIMIT;
    static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(Framework360Guesses.RATE_LIMIT_PER_MINUTE));

    private final OutboundCalls outbound;
    private final Map<String, Framework360Api> clients = new ConcurrentHashMap<>();

    public Framework360Clients(OutboundCalls outbound) {
        this.outbound = outbound;
    }

    public <T> Uni<T> call(Connection connection, String operation, boolean idempotent, Function<Framework360Api, Uni<T>> call) {
        String key = connection.secret("apiKey");
        Framework360Api api = clients.computeIfAbsent(connection.baseUrl() + "#" + key, k -> build(connection, key));
        return outbound.call(account(connection), LIMITS, operation, idempotent, () -> call.apply(api));
    }

    /** Every item of a paged list ({@code page} from 1); a short page is the last. */
    public <T> Multi<T> all(Connection connection, String operation, BiFunction<Framework360Api, Integer, Uni<Fw360Data<List<T>>>> page) {
        return Multi.createBy().repeating()
                .uni(() -> new int[] {1}, next -> call(connection, operation, true, api -> page.apply(api, next[0]))
                        .map(d -> d.data() == null ? List.<T>of() : d.data())
                        .invoke(items -> next[0]++))
                .whilst(items -> items.size() == PAGE_SIZE)
                .onItem().transformToIterable(items -> items);
    }

    /** Each site is its own host, so the base URL names the account the limit counts against. */
    public static String account(Connection connection) {
        return SYSTEM + ":" + connection.baseUrl();
    }

    private static Framework360Api build(Connection connection, String key) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(connection.baseUrl())
                .register((ClientRequestFilter) ctx -> {
                    ctx.getHeaders().putSingle(KEY_HEADER, key);
                    ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
                })
                .register(new ErrorMapper())
                .build(Framework360Api.class);
    }

    /** Framework360 documents no errors: a 429 is a throttle (a guess), anything else non-2xx a failure. */
    static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() == 429) {
                return new ExternalApiException(SYSTEM, 429, body, retryAfter(response.getHeaderString("Retry-After")), true);
            }
            return new ExternalApiException(SYSTEM, response.getStatus(), body, null);
        }

        private static Duration retryAfter(String header) {
            try {
                return header == null ? Framework360Guesses.DEFAULT_RETRY_AFTER
                        : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException e) {
                return Framework360Guesses.DEFAULT_RETRY_AFTER;
            }
        }
    }
}

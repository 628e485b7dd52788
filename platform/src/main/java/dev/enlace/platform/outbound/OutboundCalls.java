package dev.enlace.platform.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Every call to an external API goes through here: it waits for a slot under the account's
 * published rate limit, honours 429 (or an API's own rate-limit answer, see
 * {@link ExternalApiException#rateLimited()}) and Retry-After (pausing the whole account, not only the
 * one call), and retries transient failures with exponential back-off and jitter. Nothing here
 * holds a thread while waiting.
 */
@ApplicationScoped
public class OutboundCalls {
    private static final Duration MIN_WAIT = Duration.ofMillis(1);
    private static final Logger LOG = Logger.getLogger(OutboundCalls.class);

    private final OutboundConfig config;
    private final MeterRegistry metrics;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public OutboundCalls(OutboundConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * @param account    one external account (e.g. {@code jumpseller:demo-shop}): limits are per account
     * @param limits     the API's published limits for that account
     * @param idempotent whether a call that timed out or failed with a 5xx may be sent again; creating a
     *                   legal document is not (the ERP may have issued it before failing), so it is retried
     *                   here only after a 429, which refuses the request, and is otherwise looked up instead
     */
    public <T> Uni<T> call(String account, List<RateLimit> limits, String operation, boolean idempotent,
            Supplier<Uni<T>> call) {
        RateLimiter limiter = limiters.computeIfAbsent(account,
                a -> new RateLimiter(RateLimit.widened(limits.stream().map(l -> l.scaled(config.budgetFraction())).toList())));
        return attempt(account, limiter, operation, idempotent, call, 1);
    }

    private <T> Uni<T> attempt(String account, RateLimiter limiter, String operation, boolean idempotent,
            Supplier<Uni<T>> call, int attempt) {
        Duration wait = limiter.reserve(System.nanoTime());
        // a timer cannot wait less than 1 ms: a sub-millisecond wait failed the call before it was sent
        Uni<Void> slot = wait.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait);
        return slot
                .chain(() -> Uni.createFrom().<T>deferred(call::get)
                        .ifNoItem().after(config.timeout()).failWith(() -> new ExternalApiException(account, 0,
                                operation + " timed out after " + config.timeout(), null)))
                .onFailure().recoverWithUni(err -> {
                    ExternalApiException failure = err instanceof ExternalApiException e ? e
                            : new ExternalApiException(account, 0, operation + ": " + err.getMessage(), null);
                    metrics.counter("enlace.outbound.failures", "account", systemOf(account),
                            "status", String.valueOf(failure.status())).increment();
                    boolean again = failure.transientFailure() && attempt < config.maxAttempts()
                            && (idempotent || failure.rateLimited());
                    if (!again) {
                        return Uni.createFrom().failure(failure);
                    }
                    Duration delay = failure.retryAfter().orElseGet(() -> backoff(attempt));
                    if (failure.rateLimited()) {
                        limiter.pauseUntil(System.nanoTime() + delay.toNanos());
                        delay = Duration.ZERO;
                    }
                    LOG.debugf("%s on %s failed (attempt %d): %s; retrying", operation, account, attempt,
                            failure.getMessage());
                    Uni<Void> pause = delay.isZero() ? Uni.createFrom().voidItem()
                            : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
                    return pause.chain(() -> attempt(account, limiter, operation, idempotent, call, attempt + 1));
                });
    }

    Duration backoff(int attempt) {
        long base = Math.min(config.firstBackoff().toMillis() << Math.min(attempt - 1, 20), config.maxBackoff().toMillis());
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static String systemOf(String account) {
        int colon = account.indexOf(':');
        return colon < 0 ? account : account.substring(0, colon);
    }
}

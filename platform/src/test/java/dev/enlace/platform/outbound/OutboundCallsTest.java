package dev.enlace.platform.outbound;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rate-limit answers other than 429 (relBase's 403) are retried like a 429, even for non-idempotent calls. */
class OutboundCallsTest {
    private final OutboundCalls calls = new OutboundCalls(new OutboundConfig() {
        @Override
        public int maxAttempts() {
            return 5;
        }

        @Override
        public Duration firstBackoff() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(50);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public double budgetFraction() {
            return 1;
        }
    }, new SimpleMeterRegistry());

    @Test
    void aRateLimitedAnswerIsRetriedEvenForANonIdempotentCall() {
        AtomicInteger sent = new AtomicInteger();
        String result = calls.call("relbase:a", List.of(RateLimit.perSecond(100)), "issue", false, () ->
                sent.incrementAndGet() <= 2
                        ? Uni.createFrom().failure(new ExternalApiException("relbase", 403, "rate limit exceeded",
                                Duration.ofMillis(20), true))
                        : Uni.createFrom().item("issued"))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(result).isEqualTo("issued");
        assertThat(sent).hasValue(3);
    }

    @Test
    void aPlainForbiddenAnswerIsNotRetried() {
        AtomicInteger sent = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("relbase:b", List.of(RateLimit.perSecond(100)), "read", true, () -> {
            sent.incrementAndGet();
            return Uni.createFrom().failure(new ExternalApiException("relbase", 403, "forbidden", null));
        }).await().atMost(Duration.ofSeconds(10))).isInstanceOf(ExternalApiException.class);
        assertThat(sent).hasValue(1);
    }
}

package dev.enlace.platform.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answers are worth retrying, including APIs that refuse over-limit calls with another status than 429. */
class ExternalApiExceptionTest {

    @Test
    void a429IsRateLimitedAndTransient() {
        ExternalApiException e = new ExternalApiException("x", 429, "slow down", null);
        assertThat(e.rateLimited()).isTrue();
        assertThat(e.transientFailure()).isTrue();
    }

    @Test
    void anApisOwnRateLimitStatusIsTransientWhenFlagged() {
        ExternalApiException limited = new ExternalApiException("relbase", 403, "rate limit exceeded", Duration.ofSeconds(1), true);
        assertThat(limited.rateLimited()).isTrue();
        assertThat(limited.transientFailure()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void aPlain403IsNeitherRateLimitedNorRetried() {
        ExternalApiException forbidden = new ExternalApiException("relbase", 403, "forbidden", null);
        assertThat(forbidden.rateLimited()).isFalse();
        assertThat(forbidden.transientFailure()).isFalse();
    }
}

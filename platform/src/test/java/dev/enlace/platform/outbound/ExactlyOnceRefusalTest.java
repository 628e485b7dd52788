package dev.enlace.platform.outbound;

import dev.enlace.platform.api.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed exactly-once calls (documents, ERP stock moves) wait for a person, and which are tried again. */
class ExactlyOnceRefusalTest {

    @Test
    void anApisRateLimitAnsweredWith403IsTriedAgainNotGivenUp() { // DO8, relBase
        assertThat(ExactlyOnceCalls.refused(
                new ExternalApiException("relbase", 403, "rate limit exceeded", Duration.ofSeconds(1), true))).isFalse();
    }

    @Test
    void a429ATimeOutAServerErrorAndNoAnswerAreTriedAgain() {
        assertThat(ExactlyOnceCalls.refused(new ExternalApiException("x", 429, "slow down", null))).isFalse();
        assertThat(ExactlyOnceCalls.refused(new ExternalApiException("x", 408, "timeout", null))).isFalse();
        assertThat(ExactlyOnceCalls.refused(new ExternalApiException("x", 502, "bad gateway", null))).isFalse();
        assertThat(ExactlyOnceCalls.refused(new ExternalApiException("x", 0, "connection refused", null))).isFalse();
    }

    @Test
    void aPlainClientErrorOrARequestRefusedBeforeCallingWaitsForAPerson() {
        assertThat(ExactlyOnceCalls.refused(new ExternalApiException("relbase", 403, "forbidden", null))).isTrue();
        assertThat(ExactlyOnceCalls.refused(new ExternalApiException("bsale", 422, "invalid rut", null))).isTrue();
        assertThat(ExactlyOnceCalls.refused(ApiException.unprocessable("no tax id"))).isTrue();
    }
}

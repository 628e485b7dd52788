package dev.enlace.platform.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    @Test
    void negotiatedLimitsAreReadFromTheConnectionProperty() {
        assertThat(RateLimits.parse("3000/300s, 20/1s")).containsExactly(
                new RateLimit(3000, Duration.ofSeconds(300)), new RateLimit(20, Duration.ofSeconds(1)));
    }

    @Test
    void fractionsOfASecondAreAllowed() {
        assertThat(RateLimits.parse("7/0.5s")).containsExactly(new RateLimit(7, Duration.ofMillis(500)));
    }

    @Test
    void aMalformedLimitIsRefusedWithAnExample() {
        assertThatThrownBy(() -> RateLimits.parse("lots")).hasMessageContaining("3000/300s");
    }

    @Test
    void nothingParsedMeansNothingExtra() {
        assertThat(RateLimits.parse(" , ")).isEqualTo(List.of());
    }
}

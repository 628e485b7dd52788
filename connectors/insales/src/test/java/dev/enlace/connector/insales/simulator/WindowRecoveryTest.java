package dev.enlace.connector.insales.simulator;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop stays blocked until its window has passed, then answers again. */
class WindowRecoveryTest extends SimulatorTest {
    private final MovableClock clock = new MovableClock();

    @Override
    InsalesSimulator.Options options() {
        return InsalesSimulator.Options.defaults().withLimit(2, Duration.ofMinutes(5)).withClock(clock);
    }

    @Test
    void aThrottledShopAnswersAgainOnceTheWindowHasPassed() {
        api.get("/products.json");
        clock.advance(Duration.ofMinutes(1));
        api.get("/products.json");
        Api.Response blocked = api.get("/products.json");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isEqualTo("240");
        clock.advance(Duration.ofMinutes(3));
        assertThat(api.get("/products.json").status()).as("still inside the window").isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.get("/products.json").status()).isEqualTo(200);
    }

    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

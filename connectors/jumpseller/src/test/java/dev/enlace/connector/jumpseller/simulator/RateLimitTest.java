package dev.enlace.connector.jumpseller.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest extends SimulatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"));

    @Override
    JumpsellerSimulator.Options options() {
        // the per-minute limit is lowered so both windows can be exhausted quickly
        return super.options().withClock(clock).withLimits(20, 30).withBan(5, Duration.ofMinutes(10));
    }

    @Test
    void everyResponseCarriesTheFourRateLimitHeaders() {
        Api.Response ok = api.get("/products.json");
        Api.Response notFound = api.get("/products/1.json");

        for (Api.Response r : new Api.Response[] {ok, notFound}) {
            assertThat(r.header("Jumpseller-PerMinuteRateLimit-Limit")).isEqualTo("30");
            assertThat(r.header("Jumpseller-PerSecondRateLimit-Limit")).isEqualTo("20");
            assertThat(r.header("Jumpseller-PerMinuteRateLimit-Remaining")).isNotNull();
            assertThat(r.header("Jumpseller-PerSecondRateLimit-Remaining")).isNotNull();
        }
        assertThat(ok.header("Jumpseller-PerSecondRateLimit-Remaining")).isEqualTo("19");
        assertThat(notFound.header("Jumpseller-PerSecondRateLimit-Remaining")).isEqualTo("18");
    }

    @Test
    void twentyFirstRequestInOneSecondIs429WithRateLimitHeaders() {
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/products/count.json").status()).isEqualTo(200);
        }
        Api.Response limited = api.get("/products/count.json");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Jumpseller-PerSecondRateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("Jumpseller-PerMinuteRateLimit-Remaining")).isEqualTo("10");
        assertThat(sim.counters(store.code()).rateLimited()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/products/count.json").status()).isEqualTo(200);
    }

    @Test
    void perMinuteLimitAppliesAcrossSeconds() {
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("/products/count.json").status()).isEqualTo(200);
            clock.advance(Duration.ofMillis(100));
        }
        Api.Response limited = api.get("/products/count.json");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Jumpseller-PerMinuteRateLimit-Remaining")).isEqualTo("0");

        clock.advance(Duration.ofMinutes(1));
        assertThat(api.get("/products/count.json").status()).isEqualTo(200);
    }

    @Test
    void repeatedLimitHitsBanTheStoreUntilTheResetTime() {
        for (int i = 0; i < 20; i++) {
            api.get("/products/count.json");
        }
        Api.Response last = null;
        for (int i = 0; i < 5; i++) {
            last = api.get("/products/count.json");
            assertThat(last.status()).isEqualTo(429);
        }
        String reset = last.header("Jumpseller-BannedByRateLimit-Reset");
        assertThat(reset).isEqualTo("2025-01-01T10:10:00+00:00");
        assertThat(OffsetDateTime.parse(reset).toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(2)); // both windows are free again, the ban is not over
        Api.Response banned = api.get("/products/count.json");
        assertThat(banned.status()).isEqualTo(429);
        assertThat(banned.header("Jumpseller-BannedByRateLimit-Reset")).isEqualTo(reset);

        clock.advance(Duration.ofMinutes(8));
        assertThat(api.get("/products/count.json").status()).isEqualTo(200);
    }

    @Test
    void storesHaveSeparateLimits() {
        var other = sim.createStore(JumpsellerAdmin.NewStore.withCode("otra"));
        Api otherApi = new Api(server.baseUrl() + "/v1", other);
        for (int i = 0; i < 21; i++) {
            api.get("/products/count.json");
        }
        assertThat(otherApi.get("/products/count.json").status()).isEqualTo(200);
        assertThat(sim.counters(other.code()).rateLimited()).isZero();
        assertThat(sim.counters(store.code()).apiCalls()).isEqualTo(21);
    }

    @Test
    void faultInjectionAnswers500AndIsCounted() {
        sim.setFaultRate(store.code(), 1.0);
        Api.Response r = api.get("/products.json");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asText()).isNotBlank();
        assertThat(sim.counters(store.code()).faults()).isEqualTo(1);

        sim.setFaultRate(store.code(), 0);
        assertThat(api.get("/products.json").status()).isEqualTo(200);
        sim.resetCounters(store.code());
        assertThat(sim.counters(store.code())).isEqualTo(new JumpsellerAdmin.ApiCounters(0, 0, 0));
    }
}

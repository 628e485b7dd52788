package dev.enlace.connector.insales.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Before February 2023 inSales answered 503 when the limit was reached; the switch keeps that mode testable. */
class LegacyLimitStatusTest extends SimulatorTest {

    @Override
    InsalesSimulator.Options options() {
        return InsalesSimulator.Options.defaults().withLimit(1, Duration.ofMinutes(5)).withLimitStatus(503);
    }

    @Test
    void throttledCallsAnswer503InLegacyMode() {
        assertThat(api.get("/products.json").status()).isEqualTo(200);
        Api.Response throttled = api.get("/products.json");
        assertThat(throttled.status()).isEqualTo(503);
        assertThat(throttled.header("Retry-After")).isNotNull();
    }
}

package dev.enlace.catalog.storesync;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** CA4: the figures a running initial sync shows. */
class RunProgressTest {

    @Test
    void remainingTimeAssumesTheRateSoFarHolds() {
        RunProgress p = RunProgress.of(30, 120, Duration.ofSeconds(10));
        assertThat(p.productsPerSecond()).isEqualTo(3.0);
        assertThat(p.remainingSeconds()).isEqualTo(30);
    }

    @Test
    void noEstimateBeforeTheTotalIsKnownOrAnythingIsDone() {
        assertThat(RunProgress.of(0, null, Duration.ofSeconds(5)).remainingSeconds()).isNull();
        assertThat(RunProgress.of(0, 100, Duration.ofSeconds(5)).remainingSeconds()).isNull();
    }

    @Test
    void finishedRunHasNothingRemaining() {
        assertThat(RunProgress.of(3, 3, Duration.ofSeconds(4)).remainingSeconds()).isZero();
        assertThat(RunProgress.of(0, 0, Duration.ZERO).remainingSeconds()).isZero();
    }

    @Test
    void partialSecondsRoundUp() {
        assertThat(RunProgress.of(2, 5, Duration.ofSeconds(1)).remainingSeconds()).isEqualTo(2);
        assertThat(RunProgress.of(3, 4, Duration.ofSeconds(2)).remainingSeconds()).isEqualTo(1);
    }
}

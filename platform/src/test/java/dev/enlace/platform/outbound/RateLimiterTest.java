package dev.enlace.platform.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void callsWithinTheLimitStartAtOnce() {
        RateLimiter limiter = new RateLimiter(List.of(RateLimit.perSecond(20)));
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.reserve(0)).isZero();
        }
    }

    @Test
    void theCallPastThePerSecondLimitWaitsForTheWindowToMove() {
        RateLimiter limiter = new RateLimiter(List.of(RateLimit.perSecond(20)));
        for (int i = 0; i < 20; i++) {
            limiter.reserve(0);
        }
        assertThat(limiter.reserve(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noSlidingWindowEverHoldsMoreThanEitherLimit() { // Jumpseller: 20/s and 800/min
        RateLimiter limiter = new RateLimiter(List.of(RateLimit.perSecond(20), RateLimit.perMinute(800)));
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            starts.add(limiter.reserve(0).toNanos());
        }
        assertThat(maxInWindow(starts, SECOND)).isLessThanOrEqualTo(20);
        assertThat(maxInWindow(starts, 60 * SECOND)).isLessThanOrEqualTo(800);
        // and the budget is used, not wasted: 800 in the first 40 s, 800 from 60 s, the last 400 from 120 s
        assertThat(starts.get(starts.size() - 1)).isLessThan(140 * SECOND);
    }

    @Test
    void aPauseHoldsEveryCallUntilItEnds() { // 429 / Retry-After
        RateLimiter limiter = new RateLimiter(List.of(RateLimit.perSecond(20)));
        limiter.pauseUntil(3 * SECOND);
        assertThat(limiter.reserve(SECOND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aScaledLimitLeavesAMargin() {
        RateLimit limit = RateLimit.perSecond(20).scaled(0.95);
        assertThat(limit.window().toMillis()).isEqualTo(1052 + RateLimit.JITTER.toMillis());
    }

    @Test
    void aShortWindowIsWidenedToTheSustainedRateSoLateArrivalsStayUnderIt() { // Jumpseller: 20/s and 800/min
        List<RateLimit> limits = RateLimit.widened(List.of(RateLimit.perSecond(20), RateLimit.perMinute(800)));
        assertThat(limits.get(0).window()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limits.get(1)).isEqualTo(RateLimit.perMinute(800));
        RateLimiter limiter = new RateLimiter(limits);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            starts.add(limiter.reserve(0).toNanos());
        }
        // any request may arrive up to half a second late and no second ever sees more than 20
        assertThat(maxInWindow(starts, SECOND + SECOND / 2)).isLessThanOrEqualTo(20);
        // the sustained budget is still used in full: 2000 calls at 800 a minute
        assertThat(starts.get(starts.size() - 1)).isLessThan(150 * SECOND);
    }

    private static int maxInWindow(List<Long> starts, long window) {
        int max = 0;
        int from = 0;
        for (int to = 0; to < starts.size(); to++) {
            while (starts.get(to) - starts.get(from) >= window) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }
}

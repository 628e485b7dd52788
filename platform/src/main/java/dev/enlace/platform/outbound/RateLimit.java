package dev.enlace.platform.outbound;

import java.time.Duration;

/** A published API limit: at most {@code permits} requests in any {@code window}. */
public record RateLimit(int permits, Duration window) {
    public RateLimit {
        if (permits <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs permits > 0 and a positive window");
        }
    }

    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    /**
     * The same limit with only {@code fraction} of it used, and each window stretched by
     * {@link #JITTER}: requests that start evenly spaced can still arrive bunched (GC pauses, a
     * busy event loop), which matters for a one-second window and costs nothing on a minute.
     */
    public RateLimit scaled(double fraction) {
        return new RateLimit(permits, Duration.ofNanos((long) (window.toNanos() / fraction)).plus(JITTER));
    }

    /** How much later than its planned start a request may reach the server. */
    public static final Duration JITTER = Duration.ofMillis(100);
}

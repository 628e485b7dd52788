package dev.enlace.platform.outbound;

import java.time.Duration;
import java.util.List;

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

    /**
     * The limits with each shorter window widened until its sustained rate is no higher than the slowest limit's
     * (Jumpseller: 20/s next to 800/min becomes 20 per 1.5 s). Sustained throughput is what the slowest limit
     * allows either way, bursts keep their size, and a request may now reach the server that much later than
     * planned (a busy machine, a queued connection) without crossing the short limit: otherwise a backlog runs
     * at the short limit's full rate, where a little jitter already means 429.
     */
    public static List<RateLimit> widened(List<RateLimit> limits) {
        double slowest = limits.stream().mapToDouble(l -> l.permits() / (double) l.window().toNanos()).min()
                .orElse(0);
        return limits.stream()
                .map(l -> new RateLimit(l.permits(),
                        Duration.ofNanos(Math.max(l.window().toNanos(), (long) Math.ceil(l.permits() / slowest)))))
                .toList();
    }

    /** How much later than its planned start a request may reach the server. */
    public static final Duration JITTER = Duration.ofMillis(100);
}

package dev.enlace.platform.outbound;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Hands out start times for calls so that no sliding window of any of the account's limits
 * ever holds more than its permits. Callers wait for their slot without holding a thread:
 * the reservation is computed here, the waiting is a timer.
 */
public final class RateLimiter {
    private final List<RateLimit> limits;
    private final List<ArrayDeque<Long>> grants;
    private long pausedUntil = Long.MIN_VALUE;

    public RateLimiter(List<RateLimit> limits) {
        this.limits = List.copyOf(limits);
        this.grants = limits.stream().map(l -> new ArrayDeque<Long>()).toList();
    }

    /** Reserves the earliest slot at or after {@code nowNanos}; returns how long to wait for it. */
    public synchronized Duration reserve(long nowNanos) {
        long slot = Math.max(nowNanos, pausedUntil);
        for (int i = 0; i < limits.size(); i++) {
            ArrayDeque<Long> g = grants.get(i);
            RateLimit limit = limits.get(i);
            long window = limit.window().toNanos();
            while (!g.isEmpty() && g.peekFirst() <= nowNanos - window) {
                g.removeFirst();
            }
            if (g.size() >= limit.permits()) {
                // the slot must leave room after the grant that is `permits` places back
                long blocker = nth(g, g.size() - limit.permits());
                slot = Math.max(slot, blocker + window);
            }
        }
        for (ArrayDeque<Long> g : grants) {
            g.addLast(slot);
        }
        return Duration.ofNanos(slot - nowNanos);
    }

    /** Holds every call back until {@code resumeNanos}, e.g. when the API said Retry-After. */
    public synchronized void pauseUntil(long resumeNanos) {
        pausedUntil = Math.max(pausedUntil, resumeNanos);
    }

    private static long nth(ArrayDeque<Long> deque, int index) {
        int i = 0;
        for (Long value : deque) {
            if (i++ == index) {
                return value;
            }
        }
        throw new IllegalStateException("index out of range");
    }
}

package dev.enlace.simulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding-window request counter: at most {@code limit} requests in any {@code windowMillis}.
 * Simulators use one per published limit (Jumpseller: 20/s and 800/min; Bsale: 3000/300 s).
 * Thread-safe; simulators call it from the event loop.
 */
public final class RateWindow {
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Deque<Long> hits = new ArrayDeque<>();

    public RateWindow(int limit, long windowMillis, Clock clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Counts a request if the window has room; false means the caller must answer 429. */
    public synchronized boolean tryAcquire() {
        long now = clock.millis();
        evict(now);
        if (hits.size() >= limit) {
            return false;
        }
        hits.addLast(now);
        return true;
    }

    /** Requests still allowed in the current window. */
    public synchronized int remaining() {
        evict(clock.millis());
        return Math.max(0, limit - hits.size());
    }

    /** Milliseconds until the oldest counted request leaves the window. */
    public synchronized long millisUntilFree() {
        long now = clock.millis();
        evict(now);
        if (hits.size() < limit) {
            return 0;
        }
        return hits.peekFirst() + windowMillis - now;
    }

    public int limit() {
        return limit;
    }

    private void evict(long now) {
        while (!hits.isEmpty() && hits.peekFirst() <= now - windowMillis) {
            hits.removeFirst();
        }
    }
}

package dev.enlace.catalog.storesync;

import java.time.Duration;

/**
 * CA4 progress figures: the rate is products done per second since the start, and the remaining
 * time assumes that rate holds. No estimate until the total is known and something is done.
 *
 * @param remainingSeconds null while there is no estimate
 */
public record RunProgress(double productsPerSecond, Long remainingSeconds) {

    public static RunProgress of(int done, Integer total, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        double rate = done / seconds;
        Long remaining = null;
        if (total != null && done >= total) {
            remaining = 0L;
        } else if (total != null && rate > 0) {
            remaining = (long) Math.ceil((total - done) / rate);
        }
        return new RunProgress(Math.round(rate * 100) / 100.0, remaining);
    }
}

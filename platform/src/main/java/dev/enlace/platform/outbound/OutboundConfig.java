package dev.enlace.platform.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How Enlace calls external APIs: retries, back-off, time-outs and the share of each rate limit it uses. */
@ConfigMapping(prefix = "enlace.outbound")
public interface OutboundConfig {
    /** Tries per call, the first included. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("PT0.2S")
    Duration firstBackoff();

    @WithDefault("PT30S")
    Duration maxBackoff();

    /** Per-request time-out. */
    @WithDefault("PT15S")
    Duration timeout();

    /** Share of each published rate limit Enlace allows itself: the rest absorbs clock skew. */
    @WithDefault("0.97")
    double budgetFraction();
}

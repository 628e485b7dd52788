package dev.enlace.connector.bsale.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link BsaleSimulator} behaves where the real API leaves room: its rate budget, how fast
 * webhooks go out, and the base URL written into every {@code href}.
 *
 * @param rateLimitRequests requests one company may make per {@code rateLimitWindow} before 429
 * @param webhookTimeScale  factor on webhook delays (Bsale has no retries, so this only matters
 *                          to the kit's dispatcher)
 * @param webhookTimeout    how long a webhook receiver may take before the attempt counts as failed
 * @param publicBaseUrl     e.g. {@code https://api.bsale.io}; null = taken from each request's Host
 * @param clock             source of "now" for dates, {@code send} and the rate window
 */
public record BsaleSimulatorOptions(int rateLimitRequests, Duration rateLimitWindow, double webhookTimeScale,
        Duration webhookTimeout, String publicBaseUrl, Clock clock) {

    /** The budget one integrator reports for Bsale: 3,000 requests per 300 s. */
    public static BsaleSimulatorOptions defaults() {
        return new BsaleSimulatorOptions(3000, Duration.ofSeconds(300), 1.0, Duration.ofSeconds(10), null,
                Clock.systemUTC());
    }

    public BsaleSimulatorOptions withRateLimit(int requests, Duration window) {
        return new BsaleSimulatorOptions(requests, window, webhookTimeScale, webhookTimeout, publicBaseUrl, clock);
    }

    public BsaleSimulatorOptions withWebhookTimeScale(double scale) {
        return new BsaleSimulatorOptions(rateLimitRequests, rateLimitWindow, scale, webhookTimeout, publicBaseUrl, clock);
    }

    public BsaleSimulatorOptions withWebhookTimeout(Duration timeout) {
        return new BsaleSimulatorOptions(rateLimitRequests, rateLimitWindow, webhookTimeScale, timeout, publicBaseUrl, clock);
    }

    public BsaleSimulatorOptions withPublicBaseUrl(String baseUrl) {
        return new BsaleSimulatorOptions(rateLimitRequests, rateLimitWindow, webhookTimeScale, webhookTimeout, baseUrl, clock);
    }

    public BsaleSimulatorOptions withClock(Clock newClock) {
        return new BsaleSimulatorOptions(rateLimitRequests, rateLimitWindow, webhookTimeScale, webhookTimeout, publicBaseUrl,
                newClock);
    }
}

package dev.enlace.connector.moysklad.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link MoyskladSimulator} behaves where the real API leaves room.
 *
 * @param rateUnits         units one account may spend per {@code rateWindow} (MoySklad: 45 per 3 s)
 * @param stockWebhookDelay how long stock changes are gathered before the stock webhook goes out
 *                          (MoySklad: every 1-5 minutes; tests use milliseconds)
 * @param webhookTimeout    how long a receiver may take (MoySklad: 1500 ms)
 * @param publicBaseUrl     e.g. {@code https://api.moysklad.ru}; null = taken from each request's Host
 */
public record MoyskladSimulatorOptions(int rateUnits, Duration rateWindow, Duration stockWebhookDelay,
        Duration webhookTimeout, String publicBaseUrl, Clock clock) {

    public static MoyskladSimulatorOptions defaults() {
        return new MoyskladSimulatorOptions(45, Duration.ofSeconds(3), Duration.ofMillis(200),
                Duration.ofMillis(1500), null, Clock.systemUTC());
    }

    public MoyskladSimulatorOptions withRateLimit(int units, Duration window) {
        return new MoyskladSimulatorOptions(units, window, stockWebhookDelay, webhookTimeout, publicBaseUrl, clock);
    }

    public MoyskladSimulatorOptions withStockWebhookDelay(Duration delay) {
        return new MoyskladSimulatorOptions(rateUnits, rateWindow, delay, webhookTimeout, publicBaseUrl, clock);
    }

    public MoyskladSimulatorOptions withPublicBaseUrl(String baseUrl) {
        return new MoyskladSimulatorOptions(rateUnits, rateWindow, stockWebhookDelay, webhookTimeout, baseUrl, clock);
    }

    public MoyskladSimulatorOptions withClock(Clock newClock) {
        return new MoyskladSimulatorOptions(rateUnits, rateWindow, stockWebhookDelay, webhookTimeout, publicBaseUrl, newClock);
    }
}

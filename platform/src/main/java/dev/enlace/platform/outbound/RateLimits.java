package dev.enlace.platform.outbound;

import dev.enlace.platform.tenant.Connection;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The limits to respect for one account: the API's published ones, unless the tenant's
 * connection says otherwise in its {@code rateLimits} property (an account with a negotiated
 * budget, or a simulator), written like {@code 3000/300s, 20/1s}.
 */
public final class RateLimits {
    private RateLimits() {
    }

    public static List<RateLimit> of(Connection connection, List<RateLimit> published) {
        return connection.property("rateLimits").map(RateLimits::parse).orElse(published);
    }

    static List<RateLimit> parse(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(RateLimits::parseOne)
                .toList();
    }

    private static RateLimit parseOne(String limit) {
        String[] parts = limit.split("/");
        if (parts.length != 2 || !parts[1].endsWith("s")) {
            throw new IllegalArgumentException("a rate limit is written like 3000/300s, not '" + limit + "'");
        }
        return new RateLimit(Integer.parseInt(parts[0].trim()),
                Duration.ofMillis((long) (Double.parseDouble(parts[1].trim().replace("s", "")) * 1000)));
    }
}

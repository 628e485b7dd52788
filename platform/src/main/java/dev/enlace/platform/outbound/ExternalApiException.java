package dev.enlace.platform.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * An external API answered with an error, or did not answer. Connector clients turn every
 * non-2xx answer into one, with the server's own message and any Retry-After it gave.
 *
 * @param status 0 when no answer came (connection refused, timeout)
 */
public class ExternalApiException extends RuntimeException {
    private final String system;
    private final int status;
    private final Duration retryAfter;

    public ExternalApiException(String system, int status, String message, Duration retryAfter) {
        super(system + " answered " + (status == 0 ? "nothing" : String.valueOf(status)) + ": " + message);
        this.system = system;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public String system() {
        return system;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Worth trying again: rate limited, a server error, or no answer at all. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }
}

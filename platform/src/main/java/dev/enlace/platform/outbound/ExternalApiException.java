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
    private final boolean rateLimited;

    public ExternalApiException(String system, int status, String message, Duration retryAfter) {
        this(system, status, message, retryAfter, status == 429);
    }

    /**
     * @param rateLimited the API refused the call for going over its rate limit, whatever status it
     *                    used for that (relBase answers 403): the call was not processed, so it is
     *                    retried and the whole account pauses, as for a 429
     */
    public ExternalApiException(String system, int status, String message, Duration retryAfter, boolean rateLimited) {
        super(system + " answered " + (status == 0 ? "nothing" : String.valueOf(status)) + ": " + message);
        this.system = system;
        this.status = status;
        this.retryAfter = retryAfter;
        this.rateLimited = rateLimited;
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

    /** Refused for the rate limit (429, or the API's own way of saying so). */
    public boolean rateLimited() {
        return rateLimited;
    }

    /** Worth trying again: rate limited, a server error, or no answer at all. */
    public boolean transientFailure() {
        return status == 0 || rateLimited || status >= 500;
    }
}

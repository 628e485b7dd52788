package dev.enlace.simulator;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Delivers a simulated system's webhooks the way that system does: POST of a body with its
 * headers, a response timeout, and a retry schedule of its own (Jumpseller: 4 retries N^4
 * minutes apart; Bsale: none documented). Schedules are multiplied by {@code timeScale}
 * so tests can run hours of back-off in milliseconds. The latest attempts are kept for inspection.
 */
public final class WebhookDispatcher {

    /** One try of one delivery, as the receiver saw it. */
    public record Attempt(String url, String body, int attempt, int status, String error, Instant at) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final Vertx vertx;
    private final WebClient client;
    private final Duration timeout;
    private final IntFunction<Duration> backoff;
    private final int maxRetries;
    private final double timeScale;
    /** Bounded: a benchmark sends a thousand a second, and a copy-on-write list grew and copied itself on each. */
    private static final int KEPT_ATTEMPTS = 10_000;
    private final java.util.ArrayDeque<Attempt> attempts = new java.util.ArrayDeque<>();

    /**
     * @param backoff    delay before retry {@code n} (1-based), before scaling
     * @param maxRetries retries after the first attempt; 0 for fire-and-forget systems
     * @param timeScale  factor applied to every back-off delay (1.0 = real time)
     */
    public WebhookDispatcher(Vertx vertx, Duration timeout, int maxRetries, IntFunction<Duration> backoff,
            double timeScale) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(32));
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.timeScale = timeScale;
    }

    /** Sends now and retries on non-2xx or timeout; completes with the last attempt. */
    public Future<Attempt> deliver(String url, MultiMap headers, String body) {
        return attempt(url, headers, body, 1);
    }

    /** The latest attempts (up to 10,000), oldest first. */
    public List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    public void clear() {
        synchronized (attempts) {
            attempts.clear();
        }
    }

    public void close() {
        client.close();
    }

    private Future<Attempt> attempt(String url, MultiMap headers, String body, int n) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return client.post(port, uri.getHost(), path)
                .ssl("https".equals(uri.getScheme()))
                .putHeaders(headers)
                .timeout(timeout.toMillis())
                .sendBuffer(Buffer.buffer(body))
                .map(resp -> record(url, body, n, resp, null))
                .recover(err -> Future.succeededFuture(record(url, body, n, null, err)))
                .compose(result -> {
                    if (result.delivered() || n > maxRetries) {
                        return Future.succeededFuture(result);
                    }
                    long delay = Math.max(1, (long) (backoff.apply(n).toMillis() * timeScale));
                    return Future.<Void>future(p -> vertx.setTimer(delay, t -> p.complete()))
                            .compose(v -> attempt(url, headers, body, n + 1));
                });
    }

    private Attempt record(String url, String body, int n, HttpResponse<Buffer> resp, Throwable err) {
        Attempt a = new Attempt(url, body, n, resp == null ? 0 : resp.statusCode(),
                err == null ? null : String.valueOf(err.getMessage()), Instant.now());
        synchronized (attempts) {
            if (attempts.size() == KEPT_ATTEMPTS) {
                attempts.removeFirst();
            }
            attempts.addLast(a);
        }
        return a;
    }
}

package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One company's webhook targets. Bsale signs nothing and documents no retries, so every
 * notification is one POST; deliveries to a URL are chained so the receiver sees changes in
 * the order they happened.
 */
final class Webhooks {

    /** A URL registered for a company (all topics when {@code topics} is empty), plus its extra headers. */
    record Registration(long id, String url, Set<String> topics, Map<String, String> headers) {
        boolean wants(String topic) {
            return topics.isEmpty() || topics.contains(topic);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookDispatcher dispatcher;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    /** Tail of the delivery chain per URL; touched only under the company's monitor. */
    private final Map<String, Future<?>> tails = new HashMap<>();

    Webhooks(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    Registration register(String url, Set<String> topics, Map<String, String> headers) {
        Registration r = new Registration(ids.incrementAndGet(), url, Set.copyOf(topics), Map.copyOf(headers));
        registrations.add(r);
        return r;
    }

    boolean unregister(long id) {
        return registrations.removeIf(r -> r.id() == id);
    }

    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    List<WebhookDispatcher.Attempt> attempts() {
        return dispatcher.attempts();
    }

    /** Queues one notification behind earlier ones; call while holding the company's monitor. */
    void publish(String topic, ObjectNode payload) {
        String body = payload.toString();
        for (Registration r : registrations) {
            if (!r.wants(topic)) {
                continue;
            }
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
            r.headers().forEach(headers::add);
            Future<?> tail = tails.getOrDefault(r.url(), Future.succeededFuture());
            tails.put(r.url(), tail.transform(done -> dispatcher.deliver(r.url(), headers, body)));
        }
    }

    void close() {
        dispatcher.close();
    }

    static WebhookDispatcher dispatcher(io.vertx.core.Vertx vertx, Duration timeout, double timeScale) {
        return new WebhookDispatcher(vertx, timeout, 0, n -> Duration.ZERO, timeScale);
    }

    static ObjectNode payload() {
        return JSON.createObjectNode();
    }
}

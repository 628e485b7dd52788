package dev.enlace.platform.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.StockChanged;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A made-up ERP for testing the platform alone: it signs with a plain token header and sends
 * {@code {"id", "topic", "sku", "quantity", "fail"}}; its handler emits StockChanged.
 */
final class TestSystems {
    static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
    /** Ids of handled deliveries, in the order they were handled. */
    static final java.util.List<String> HANDLED_IN_ORDER = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Deliveries whose id is here fail that many more times. */
    static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    /** Pointer deliveries for a SKU wait here until the test completes the future. */
    static final Map<String, java.util.concurrent.CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> POINTERS_HANDLED = new ConcurrentHashMap<>();

    private TestSystems() {
    }

    @ApplicationScoped
    static class ErpRequirements implements ConnectionRequirements {
        public String system() {
            return "testerp";
        }

        public Role role() {
            return Role.ERP;
        }

        public Set<String> requiredCredentials() {
            return Set.of("signingKey");
        }

        public Set<String> requiredProperties() {
            return Set.of();
        }
    }

    @ApplicationScoped
    static class StoreRequirements implements ConnectionRequirements {
        public String system() {
            return "teststore";
        }

        public Role role() {
            return Role.STORE;
        }

        public Set<String> requiredCredentials() {
            return Set.of("apiKey");
        }

        public Set<String> requiredProperties() {
            return Set.of();
        }
    }

    @ApplicationScoped
    static class Source implements WebhookSource {
        private final ObjectMapper mapper;

        Source(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        public String system() {
            return "testerp";
        }

        public void verify(Connection connection, WebhookRequest request) {
            String given = request.header("X-Token").orElse("");
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    connection.secret("signingKey").getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.unauthorized("bad token");
            }
        }

        public WebhookDelivery parse(Connection connection, WebhookRequest request) {
            JsonNode json;
            try {
                json = mapper.readTree(request.body());
            } catch (IOException e) {
                throw ApiException.badRequest("malformed JSON");
            }
            if (!json.hasNonNull("id") || !json.hasNonNull("sku")) {
                throw ApiException.badRequest("missing field 'id' or 'sku'");
            }
            String sku = json.get("sku").asText();
            if ("pointer".equals(json.path("topic").asText())) {
                return WebhookDelivery.pointer(json.get("id").asText(), "pointer", "sku:" + sku, "sku:" + sku,
                        request.bodyText());
            }
            return WebhookDelivery.unique(json.get("id").asText(), json.path("topic").asText("stock"),
                    "sku:" + sku, request.bodyText());
        }
    }

    @ApplicationScoped
    static class Handler implements WebhookHandler {
        private final ObjectMapper mapper;
        private final Outbox outbox;

        Handler(ObjectMapper mapper, Outbox outbox) {
            this.mapper = mapper;
            this.outbox = outbox;
        }

        public boolean handles(String system, String topic) {
            return "testerp".equals(system) && ("stock".equals(topic) || "pointer".equals(topic));
        }

        public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
            JsonNode json;
            try {
                json = mapper.readTree(delivery.payload());
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
            if ("pointer".equals(delivery.topic())) {
                String sku = json.get("sku").asText();
                // keyed by tenant too: two accounts may use the same ids
                String key = tenant.id() + "/" + sku;
                POINTERS_HANDLED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                var gate = GATES.get(key);
                return gate == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(gate);
            }
            String id = json.get("id").asText();
            AtomicInteger left = FAILURES_LEFT.get(id);
            if (left != null && left.getAndDecrement() > 0) {
                return Uni.createFrom().failure(new IllegalStateException("the ERP is down (test)"));
            }
            HANDLED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            HANDLED_IN_ORDER.add(id);
            String sku = json.get("sku").asText();
            BigDecimal quantity = json.get("quantity").decimalValue();
            StockChanged event = new StockChanged(tenant.id(), sku, new ExternalRef("testerp", "p-" + sku, "v-" + sku),
                    "all", quantity, quantity.longValue(), false, OffsetDateTime.now());
            return Panache.withTransaction(() -> outbox.publish(tenant.id(), sku, event, delivery.causationId()));
        }
    }
}

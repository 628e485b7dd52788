package dev.enlace.document.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Orders as order-service announces them, and this service's outcomes, shared by the flow tests. */
final class DocumentFixtures {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ORDERS = new AtomicInteger(1000);

    private DocumentFixtures() {
    }

    /** Unique across the test classes of this JVM, which share one database. */
    static String newOrderId() {
        return String.valueOf(ORDERS.incrementAndGet());
    }

    /** A Jumpseller line: gross CLP price with 19 % IVA, a discount amount for the whole line. */
    static OrderLine line(String sku, int quantity, String unitPrice, String discount) {
        return new OrderLine(sku, "1", "1", "Producto " + sku, BigDecimal.valueOf(quantity), Money.of(unitPrice, "CLP"),
                Money.of(discount, "CLP"), new BigDecimal("19"), true);
    }

    static OrderSnapshot order(String id, BillingChoice billing, OrderLine... lines) {
        BigDecimal total = List.of(lines).stream()
                .map(l -> l.unitPrice().amount().multiply(l.quantity()).subtract(l.discount().amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Address address = new Address("Ana Pérez", "Av. Italia 1234", "Santiago", "Providencia", "RM", null, "CL");
        return new OrderSnapshot("jumpseller", id, "paid", null, "CLP", List.of(lines),
                new CustomerSnapshot("jumpseller", "c" + id, "ana@example.cl", null, "Ana", "Pérez", null, null, null,
                        List.of(address)),
                address, billing, "webpay", false, new Money(total, "CLP"), Money.of("0", "CLP"),
                Money.of("0", "CLP"), Money.of("0", "CLP"), new Money(total, "CLP"), OffsetDateTime.now());
    }

    /** The order's document row for a purpose once it reaches {@code state}, through the API. */
    static JsonNode awaitDocument(String tenant, String orderId, String purpose, String state) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode rows = JSON.readTree(given().get("/tenants/{t}/orders/{o}/documents", tenant, orderId).asString());
            for (JsonNode row : rows) {
                if (row.get("purpose").asText().equals(purpose) && row.get("state").asText().equals(state)) {
                    return row;
                }
            }
            return null;
        }, row -> row != null);
    }

    static JsonNode awaitDocument(String tenant, String orderId, String purpose) {
        return awaitDocument(tenant, orderId, purpose, "ISSUED");
    }

    /** The tenant's failure listed under /failures for an order's document. */
    static JsonNode awaitFailure(String tenant, String orderId, String purpose) {
        return await().atMost(WAIT).until(() -> {
            for (JsonNode f : JSON.readTree(given().queryParam("tenant", tenant).get("/failures").asString())) {
                if (f.get("reference").asText().equals(orderId + ":" + purpose)) {
                    return f;
                }
            }
            return null;
        }, f -> f != null);
    }

    static List<DocumentIssued> issuedEvents(KafkaEvents events, String tenant, String orderId, int expected) {
        List<ConsumerRecord<String, io.cloudevents.CloudEvent>> records = events.await(
                r -> r.key().equals(Topics.key(tenant, orderId)) && r.value().getType().equals(DocumentIssued.TYPE),
                expected, WAIT);
        return records.stream().map(r -> read(r.value().getData().toBytes(), DocumentIssued.class)).toList();
    }

    static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.copy().findAndRegisterModules().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

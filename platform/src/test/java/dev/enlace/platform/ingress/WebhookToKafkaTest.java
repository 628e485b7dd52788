package dev.enlace.platform.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.enlace.events.StockChanged;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.OwnNotifications;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.platform.testing.PostgresDatabases;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The platform's whole path for one webhook: signature check, inbox, asynchronous processing,
 * outbox, relay to Kafka as a CloudEvent, read back with the CloudEvents SDK.
 */
@QuarkusTest
@WithTestResource(value = EnlaceTestResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_platform_test"))
class WebhookToKafkaTest {
    private static final String TOKEN = "acme-signing-key-1234";
    private static KafkaEvents events;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.STOCK);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private static String body(String id, String sku, String quantity) {
        return "{\"id\":\"" + id + "\",\"topic\":\"stock\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    private static io.restassured.response.ValidatableResponse post(String tenant, String token, String body) {
        return given().header("X-Token", token).contentType(ContentType.JSON).body(body)
                .when().post("/webhooks/testerp/" + tenant).then();
    }

    @Test
    void acceptedWebhookReachesKafkaAsACloudEventAnySdkCanRead() throws Exception {
        String id = UUID.randomUUID().toString();
        String sku = "SKU-" + id.substring(0, 8);
        post("acme", TOKEN, body(id, sku, "7.5")).statusCode(202).body("status", equalTo("accepted"));

        ConsumerRecord<String, CloudEvent> record = events.await(r -> r.value().getSubject().equals(sku), 1,
                Duration.ofSeconds(20)).get(0);
        CloudEvent ce = record.value();
        assertThat(record.key()).isEqualTo("acme/" + sku);
        assertThat(ce.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(ce.getType()).isEqualTo(StockChanged.TYPE);
        assertThat(ce.getSource().toString()).isEqualTo("/enlace/platform-it");
        assertThat(ce.getId()).isNotBlank();
        assertThat(ce.getTime()).isNotNull();
        assertThat(ce.getDataContentType()).isEqualTo("application/json");
        assertThat(ce.getExtension("tenant")).isEqualTo("acme");
        assertThat(String.valueOf(ce.getExtension("causationid"))).startsWith("webhook:testerp:");
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        StockChanged data = mapper.readValue(ce.getData().toBytes(), StockChanged.class);
        assertThat(data.tenant()).isEqualTo("acme");
        assertThat(data.sku()).isEqualTo(sku);
        assertThat(data.erp().variantId()).isEqualTo("v-" + sku);
        assertThat(data.erpQuantity()).isEqualByComparingTo(new BigDecimal("7.5"));
        assertThat(data.available()).isEqualTo(7L);
        assertThat(data.unlimited()).isFalse();
        assertThat(data.observedAt()).isNotNull();
    }

    @Test
    void redeliveredWebhookIsStoredOnceAndProcessedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String sku = "SKU-" + id.substring(0, 8);
        post("acme", TOKEN, body(id, sku, "3")).statusCode(202);
        post("acme", TOKEN, body(id, sku, "3")).statusCode(200).body("status", equalTo("duplicate"));
        post("acme", TOKEN, body(id, sku, "3")).statusCode(200).body("status", equalTo("duplicate"));

        assertThat(events.await(r -> r.value().getSubject().equals(sku), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(events.settle(r -> r.value().getSubject().equals(sku), Duration.ofSeconds(1))).hasSize(1);
        assertThat(inboxRows(id)).isEqualTo(1);
        assertThat(TestSystems.HANDLED.get(id).get()).isEqualTo(1);
    }

    /** Deliveries arriving together are stored by one statement: a redelivery in the same batch is still a duplicate. */
    @Test
    void redeliveriesArrivingTogetherAreStoredOnceAndAnsweredAsDuplicates() throws Exception {
        String id = UUID.randomUUID().toString();
        String sku = "SKU-" + id.substring(0, 8);
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                        + "/webhooks/testerp/acme")).header("X-Token", TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(id, sku, "4"))).build();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(http.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
        }

        List<Integer> statuses = answers.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(statuses).containsExactly(200, 200, 200, 200, 202);
        assertThat(inboxRows(id)).isEqualTo(1);
        assertThat(events.await(r -> r.value().getSubject().equals(sku), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void pointerNotificationsCoalesceWhileAnIdenticalOneWaits() {
        String sku = "PTR-" + UUID.randomUUID().toString().substring(0, 8);
        var gate = new java.util.concurrent.CompletableFuture<Void>();
        TestSystems.GATES.put("acme/" + sku, gate);
        String pointer = "{\"id\":\"%s\",\"topic\":\"pointer\",\"sku\":\"" + sku + "\",\"quantity\":1}";
        post("acme", TOKEN, pointer.formatted(UUID.randomUUID())).statusCode(202);
        // the first is being processed (held at the gate); the next one waits behind it
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSystems.POINTERS_HANDLED.containsKey("acme/" + sku));
        post("acme", TOKEN, pointer.formatted(UUID.randomUUID())).statusCode(202);
        // these point at the same state as the waiting one: nothing more to store
        post("acme", TOKEN, pointer.formatted(UUID.randomUUID())).statusCode(200).body("status", equalTo("duplicate"));
        post("acme", TOKEN, pointer.formatted(UUID.randomUUID())).statusCode(200).body("status", equalTo("duplicate"));
        gate.complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSystems.POINTERS_HANDLED.get("acme/" + sku).get() == 2);
        // and a pointer arriving after that is read again: the state may have changed since
        post("acme", TOKEN, pointer.formatted(UUID.randomUUID())).statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSystems.POINTERS_HANDLED.get("acme/" + sku).get() == 3);
    }

    @Test
    void sameKeyInAnotherTenantIsNotHeldUpBehindThisOne() {
        String sku = "LANE-" + UUID.randomUUID().toString().substring(0, 8);
        var gate = new java.util.concurrent.CompletableFuture<Void>();
        TestSystems.GATES.put("acme/" + sku, gate);
        String pointer = "{\"id\":\"%s\",\"topic\":\"pointer\",\"sku\":\"" + sku + "\",\"quantity\":1}";
        post("acme", TOKEN, pointer.formatted(UUID.randomUUID())).statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSystems.POINTERS_HANDLED.containsKey("acme/" + sku));
        // beta's account has an item with the same id: its lane is its own, so it runs while acme's is held
        post("beta", "beta-signing-key-1234", pointer.formatted(UUID.randomUUID())).statusCode(202);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> TestSystems.POINTERS_HANDLED.containsKey("beta/" + sku));
        } finally {
            gate.complete(null);
        }
    }

    @Test
    void wrongSignatureIsRefusedAndStoredNowhere() throws Exception {
        String id = UUID.randomUUID().toString();
        post("acme", "not-the-token", body(id, "X", "1")).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("token"));
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void unknownTenantIsRefusedAndStoredNowhere() throws Exception {
        String id = UUID.randomUUID().toString();
        post("nobody", TOKEN, body(id, "X", "1")).statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("unknown tenant 'nobody'"));
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void unknownSystemIsRefused() {
        given().contentType(ContentType.JSON).body("{}").when().post("/webhooks/nosuch/acme")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequest() {
        post("acme", TOKEN, "{\"id\": \"x\", ").statusCode(400).body("detail", containsString("malformed JSON"));
    }

    @Test
    void missingFieldIsABadRequestAndStoredNowhere() throws Exception {
        String id = UUID.randomUUID().toString();
        post("acme", TOKEN, "{\"id\":\"" + id + "\"}").statusCode(400).body("detail", containsString("missing field"));
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void emptyBodyIsABadRequest() {
        given().header("X-Token", TOKEN).contentType(ContentType.JSON).when().post("/webhooks/testerp/acme")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        String big = body(UUID.randomUUID().toString(), "BIG", "1").replace("}", ",\"pad\":\"" + "x".repeat(5000) + "\"}");
        post("acme", TOKEN, big).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void topicNoHandlerWantsIsAnsweredButNotStored() throws Exception {
        String id = UUID.randomUUID().toString();
        post("acme", TOKEN, "{\"id\":\"" + id + "\",\"topic\":\"price\",\"sku\":\"A\",\"quantity\":1}")
                .statusCode(200).body("status", equalTo("ignored"));
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void failingHandlerIsRetriedWithBackOffUntilItSucceeds() throws Exception {
        String id = UUID.randomUUID().toString();
        TestSystems.FAILURES_LEFT.put(id, new AtomicInteger(2));
        post("acme", TOKEN, body(id, "RETRY-" + id.substring(0, 8), "1")).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(inboxStatus(id)));
        assertThat(inboxAttempts(id)).isEqualTo(3);
        assertThat(TestSystems.HANDLED.get(id).get()).isEqualTo(1);
    }

    @Test
    void laterDeliveryOfTheSameKeyWaitsForAnEarlierOneThatIsBeingRetried() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String sku = "ORDER-" + first.substring(0, 8);
        TestSystems.FAILURES_LEFT.put(first, new AtomicInteger(2));
        post("acme", TOKEN, body(first, sku, "1")).statusCode(202);
        post("acme", TOKEN, body(second, sku, "2")).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(inboxStatus(second)));
        var handled = TestSystems.HANDLED_IN_ORDER;
        assertThat(handled.indexOf(first)).isNotNegative().isLessThan(handled.indexOf(second));
    }

    @Test
    void deliveryOfAProcessorThatDiedIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        String id = UUID.randomUUID().toString();
        String sku = "DIED-" + id.substring(0, 8);
        storeInbox(id, sku, "PROCESSING", "now() - interval '1 second'");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(inboxStatus(id)));
        assertThat(TestSystems.HANDLED.get(id).get()).isEqualTo(1);
        assertThat(events.await(r -> r.value().getSubject().equals(sku), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void deliveryWhoseProcessorStillHoldsItsLeaseIsNotTakenNorIsTheNextOfItsKey() throws Exception {
        String held = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        String sku = "HELD-" + held.substring(0, 8);
        storeInbox(held, sku, "PROCESSING", "now() + interval '1 minute'");
        post("acme", TOKEN, body(next, sku, "2")).statusCode(202);
        // a later delivery of another key goes through meanwhile: the processors ran and passed these by
        String other = UUID.randomUUID().toString();
        post("acme", TOKEN, body(other, "OTHER-" + other.substring(0, 8), "1")).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(inboxStatus(other)));
        Thread.sleep(1500); // a poll round (1 s) more
        assertThat(inboxStatus(held)).isEqualTo("PROCESSING");
        assertThat(inboxStatus(next)).isEqualTo("PENDING");
        assertThat(TestSystems.HANDLED).doesNotContainKeys(held, next);
        // the processor that held it settles it: the next one goes
        updateInbox(held, "UPDATE webhook_inbox SET status = 'DONE', locked_until = NULL WHERE delivery_key = ?");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(inboxStatus(next)));
    }

    @Inject
    InboxRetention retention;

    @Test
    void processedWebhooksAreDeletedAfterTheRetentionPeriodFailedOnesAndRecentOnesStay() throws Exception {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String failed = UUID.randomUUID().toString();
        storeInbox(old, "OLD-" + old.substring(0, 8), "DONE", "NULL");
        storeInbox(recent, "NEW-" + recent.substring(0, 8), "DONE", "NULL");
        storeInbox(failed, "BAD-" + failed.substring(0, 8), "FAILED", "NULL");
        for (String id : List.of(old, failed)) {
            updateInbox(id, "UPDATE webhook_inbox SET received_at = now() - interval '8 days',"
                    + " processed_at = now() - interval '8 days' WHERE delivery_key = ?");
        }
        updateInbox(recent, "UPDATE webhook_inbox SET received_at = now() - interval '6 days',"
                + " processed_at = now() - interval '6 days' WHERE delivery_key = ?");

        assertThat(retention.purge().await().atMost(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
        assertThat(inboxRows(old)).isZero();
        assertThat(inboxRows(recent)).isEqualTo(1);
        assertThat(inboxRows(failed)).isEqualTo(1);
    }

    /** A delivery as a processor (maybe in another replica) left it. */
    private static void storeInbox(String id, String sku, String status, String lockedUntil) throws SQLException {
        updateInbox(id, "INSERT INTO webhook_inbox (system, tenant, delivery_key, topic, partition_key, payload, status,"
                + " locked_until) VALUES ('testerp', 'acme', ?, 'stock', 'sku:" + sku + "', '" + body(id, sku, "3") + "', '"
                + status + "', " + lockedUntil + ")");
    }

    private static void updateInbox(String deliveryKey, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(PostgresDatabases.jdbcUrl(EnlaceTestResources.databaseName("enlace_platform_test")),
                PostgresDatabases.user(), PostgresDatabases.password());
                var s = c.prepareStatement(sql)) {
            s.setString(1, deliveryKey);
            s.executeUpdate();
        }
    }

    @Test
    void deliveryThatKeepsFailingBecomesAFailureRecordAndCanBeRetriedByHand() throws Exception {
        String id = UUID.randomUUID().toString();
        String sku = "DEAD-" + id.substring(0, 8);
        TestSystems.FAILURES_LEFT.put(id, new AtomicInteger(3));
        post("acme", TOKEN, body(id, sku, "2")).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(inboxStatus(id)));

        long inboxId = inboxId(id);
        Number failureId = given().queryParam("tenant", "acme").queryParam("status", "OPEN")
                .when().get("/failures").then().statusCode(200)
                .extract().path("find { it.reference == '" + inboxId + "' }.id");
        assertThat(failureId).isNotNull();
        given().when().get("/failures/" + failureId).then().statusCode(200)
                .body("kind", equalTo("webhook")).body("reason", containsString("the ERP is down"));

        // the ERP is back: a person retries it
        given().when().post("/failures/" + failureId + "/retry").then().statusCode(200).body("status", equalTo("RETRIED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(inboxStatus(id)));
        assertThat(events.await(r -> r.value().getSubject().equals(sku), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void unknownFailureIsNotFound() {
        given().when().get("/failures/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    private static String inboxStatus(String deliveryKey) throws SQLException {
        return (String) inboxColumn(deliveryKey, "status");
    }

    private static int inboxAttempts(String deliveryKey) throws SQLException {
        return ((Number) inboxColumn(deliveryKey, "attempts")).intValue();
    }

    /**
     * The claim must not wake the inbox processors: each claim's commit used to notify the next claim, a busy loop
     * at database round-trip speed. A new delivery and one that settles (the next of its key may go) still wake them;
     * a redelivery that coalesced into a waiting twin (nothing inserted) does not.
     */
    @Test
    void claimingWakesNoProcessorNewAndSettledDeliveriesDo() throws Exception {
        try (var own = new OwnNotifications(EnlaceTestResources.databaseName("enlace_platform_test"), "enlace_inbox")) {
            String key = "wake-" + UUID.randomUUID();
            // FAILED: out of every processor's reach while the test moves it by hand
            String insert = "INSERT INTO webhook_inbox (system, tenant, delivery_key, topic, partition_key, payload, status)"
                    + " VALUES ('testerp', 'acme', '" + key + "', 'stock', '" + key + "', '{}', 'FAILED')"
                    + " ON CONFLICT (system, tenant, delivery_key) WHERE coalesce_key IS NULL DO NOTHING";
            assertThat(own.afterRunning(insert)).as("new delivery").isEqualTo(1);
            assertThat(own.afterRunning(insert)).as("a duplicate, nothing inserted").isZero();

            assertThat(own.afterRunning("UPDATE webhook_inbox SET status = 'PROCESSING' WHERE id = -1")).as("empty claim").isZero();
            assertThat(own.afterRunning("UPDATE webhook_inbox SET status = 'PROCESSING' WHERE delivery_key = '" + key + "'"))
                    .as("claim").isZero();
            assertThat(own.afterRunning("UPDATE webhook_inbox SET status = 'DONE' WHERE delivery_key = '" + key + "'"))
                    .as("settled delivery").isEqualTo(1);
        }
    }

    /** A statement that may add an event and did not (an unchanged stock level) leaves the outbox relay asleep. */
    @Test
    void statementAddingNoEventWakesNoRelayAndOneAddingSeveralWakesItOnce() throws Exception {
        try (var own = new OwnNotifications(EnlaceTestResources.databaseName("enlace_platform_test"), "enlace_outbox")) {
            String events = "INSERT INTO outbox_event (event_id, topic, record_key, type, source, subject, tenant, occurred_at,"
                    + " payload) SELECT gen_random_uuid(), '" + Topics.STOCK + "', 'acme/wake', '" + StockChanged.TYPE
                    + "', '/enlace/platform-it', 'wake-' || n, 'acme', now(), '{}' FROM generate_series(1, %d) n";
            assertThat(own.afterRunning(events.formatted(0))).as("no event").isZero();
            assertThat(own.afterRunning(events.formatted(3))).as("three events").isEqualTo(1);
        }
    }

    private static long inboxId(String deliveryKey) throws SQLException {
        return ((Number) inboxColumn(deliveryKey, "id")).longValue();
    }

    private static long inboxRows(String deliveryKey) throws SQLException {
        return ((Number) inboxColumn(deliveryKey, "count(*)")).longValue();
    }

    private static Object inboxColumn(String deliveryKey, String column) throws SQLException {
        try (var c = DriverManager.getConnection(PostgresDatabases.jdbcUrl(EnlaceTestResources.databaseName("enlace_platform_test")),
                PostgresDatabases.user(), PostgresDatabases.password());
                var s = c.prepareStatement("SELECT " + column + " FROM webhook_inbox WHERE delivery_key = ?"
                        + (column.startsWith("count") ? "" : " LIMIT 1"))) {
            s.setString(1, deliveryKey);
            var rs = s.executeQuery();
            return rs.next() ? rs.getObject(1) : null;
        }
    }

}

package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.HookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HooksTest extends SimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private HookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new HookReceiver(vertx);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private long register(String event) {
        Api.Response r = api.post("/hooks.json",
                "{\"hook\": {\"event\": \"" + event + "\", \"url\": \"" + receiver.url() + "\"}}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("hook").get("id").asLong();
    }

    private JsonNode createProductWithVariant() {
        return api.post("/products.json", "{\"product\": {\"name\": \"Polera Clásica\", \"price\": 19990, \"variants\": "
                + "[{\"sku\": \"POL-M\", \"stock\": 5, \"options\": [{\"name\": \"Talla\", \"value\": \"M\"}]}]}}")
                .json().get("product");
    }

    private static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void hooksAreManagedWithTheDocumentedEventEnum() {
        long id = register("order_paid");
        JsonNode hook = api.get("/hooks/" + id + ".json").json().get("hook");
        assertThat(hook.get("event").asText()).isEqualTo("order_paid");
        assertThat(hook.get("url").asText()).isEqualTo(receiver.url());
        assertThat(hook.has("created_at")).isTrue();
        assertThat(api.get("/hooks.json").json().get(0).get("hook").get("id").asLong()).isEqualTo(id);

        assertThat(api.post("/hooks.json", "{\"hook\": {\"event\": \"order_created\", \"url\": \"" + receiver.url()
                + "\"}}").status()).isEqualTo(422);
        assertThat(api.post("/hooks.json", "{\"hook\": {\"event\": \"order_paid\"}}").status()).isEqualTo(422);

        Api.Response updated = api.put("/hooks/" + id + ".json", "{\"hook\": {\"event\": \"order_updated\"}}");
        assertThat(updated.json().get("hook").get("event").asText()).isEqualTo("order_updated");
        assertThat(api.delete("/hooks/" + id + ".json").status()).isEqualTo(200);
        Api.Response gone = api.get("/hooks/" + id + ".json");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText()).isEqualTo("Hook Not Found.");
    }

    @Test
    void variantStockUpdateFiresSignedProductStockUpdatedHook() throws Exception {
        JsonNode product = createProductWithVariant();
        register("product_stock_updated");
        long id = product.get("id").asLong();
        long variantId = product.get("variants").get(0).get("id").asLong();

        api.put("/products/" + id + "/variants/" + variantId + ".json", "{\"variant\": {\"stock\": 12}}");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        HookReceiver.Received hook = receiver.received().get(0);
        assertThat(hook.header("Content-Type")).startsWith("application/json");
        assertThat(hook.header("Jumpseller-Event")).isEqualTo("product_stock_updated");
        assertThat(hook.header("Jumpseller-Store-Code")).isEqualTo(store.code());
        assertThat(hook.header("Jumpseller-Triggered-At"))
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} UTC");
        assertThat(hook.header("Jumpseller-Hmac-Sha256")).isEqualTo(hmac(store.hooksToken(), hook.body()));
        assertThat(hook.header("Jumpseller-Hmac-Sha256")).isNotEqualTo(hmac(store.authtoken(), hook.body()));

        JsonNode body = MAPPER.readTree(hook.body());
        assertThat(body.get("product").get("variants").get(0).get("stock").asInt()).isEqualTo(12);
        // the body is the REST representation of the resource
        assertThat(body).isEqualTo(api.get("/products/" + id + ".json").json());
    }

    @Test
    void adminSideStockChangeAlsoFiresProductStockUpdated() {
        createProductWithVariant();
        register("product_stock_updated");

        sim.setStock(store.code(), "POL-M", 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).text()).contains("\"stock\":0");
    }

    @Test
    void productCreatedUpdatedAndDeletedHooksCarryTheWrappedProduct() throws Exception {
        register("product_created");
        register("product_updated");
        register("product_deleted");
        JsonNode product = createProductWithVariant();
        long id = product.get("id").asLong();
        api.put("/products/" + id + ".json", "{\"product\": {\"name\": \"Polera Nueva\"}}");
        api.delete("/products/" + id + ".json");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);
        assertThat(MAPPER.readTree(receiver.received("product_created").get(0).body()).get("product").get("id")
                .asLong()).isEqualTo(id);
        assertThat(MAPPER.readTree(receiver.received("product_updated").get(0).body()).get("product").get("name")
                .asText()).isEqualTo("Polera Nueva");
        assertThat(receiver.received("product_deleted")).hasSize(1);
        // a name change is not a stock change
        assertThat(receiver.received("product_stock_updated")).isEmpty();
    }

    @Test
    void failedHookDeliveryIsRetriedOnTheScaledSchedule() {
        receiver.answer(500);
        long hookId = register("product_created");
        createProductWithVariant();

        // 1 + 4 retries after 1, 16, 81 and 256 minutes, times the scale
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 5);
        List<HookReceiver.Received> got = receiver.received();
        for (int n = 1; n <= 4; n++) {
            long gap = Duration.between(got.get(n - 1).at(), got.get(n).at()).toMillis();
            long scheduled = (long) (Duration.ofMinutes((long) Math.pow(n, 4)).toMillis() * TIME_SCALE);
            assertThat(gap).as("gap before retry %d", n).isGreaterThanOrEqualTo(scheduled - 2);
        }
        // every retry is the same delivery: same body and the same signature
        assertThat(got).extracting(r -> r.header("Jumpseller-Hmac-Sha256")).containsOnly(
                got.get(0).header("Jumpseller-Hmac-Sha256"));

        await().atMost(Duration.ofSeconds(2)).until(() -> sim.hookAttempts(store.code()).size() == 5);
        List<HookAttempt> attempts = sim.hookAttempts(store.code());
        assertThat(attempts).extracting(HookAttempt::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(attempts).allMatch(a -> a.status() == 500 && a.hookId() == hookId);
        assertThat(sim.hookStates(store.code()).get(0).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void successfulDeliveryIsNotRetried() throws Exception {
        register("product_created");
        createProductWithVariant();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        Thread.sleep(100); // longer than the first scaled back-off
        assertThat(receiver.received()).hasSize(1);
        assertThat(sim.hookAttempts(store.code())).singleElement().matches(HookAttempt::delivered);
    }
}

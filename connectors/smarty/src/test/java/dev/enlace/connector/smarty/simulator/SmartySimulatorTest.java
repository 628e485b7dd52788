package dev.enlace.connector.smarty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator against framework360-smarty.md §B, call by call; what the doc leaves open is in SmartyGuesses. */
class SmartySimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final MovableClock CLOCK = new MovableClock();
    private static Vertx vertx;
    private static SmartySimulator sim;
    private static SimulatorServer server;
    private String key;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        sim = new SmartySimulator(vertx, CLOCK);
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void stop() {
        server.close();
        vertx.close();
    }

    @BeforeEach
    void account() {
        key = sim.createAccount("Rossi Srl");
    }

    @Test
    void theApiKeyIsAQueryParameterAndAWrongOneIsRefused() throws Exception { // §B.1
        assertThat(call("GET", "Products/list", key, null).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = call("GET", "Products/list", "nope", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).has("error")).isTrue();
        assertThat(call("GET", "Products/list", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theMethodMustBeTheActionsOwn() throws Exception { // §B.1: list GET, post POST, put PUT
        assertThat(call("GET", "Products/post/", key, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "Products/list", key, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void listsAreBareArraysPagedWithLimitAndOffset() throws Exception { // §B.1
        for (int i = 1; i <= 5; i++) {
            post("Products/post/", "{\"sku\":\"SKU-00" + i + "\",\"title\":\"Nome " + i + "\",\"price\":\"15.20\",\"stock\":" + i + "}");
        }
        JsonNode first = array("Products/list", "&limit=2&offset=0");
        JsonNode last = array("Products/list", "&limit=2&offset=4");
        assertThat(first.isArray()).isTrue();
        assertThat(first).extracting(n -> n.get("sku").asText()).containsExactly("SKU-001", "SKU-002");
        assertThat(last).extracting(n -> n.get("sku").asText()).containsExactly("SKU-005");
    }

    @Test
    void aProductsIdIsWhatItsVariationsNeedAndAVariationPutNeedsTheProductId() throws Exception { // §B.2
        long product = post("Products/post/", "{\"sku\":\"SKU-001\",\"title\":\"Maglia\",\"price\":\"15.20\",\"tax_id\":2}").get("id").asLong();
        JsonNode variation = post("Variations/post/", "{\"product_id\":" + product + ",\"sku\":\"SKU-VAR-001\",\"price\":\"15.20\","
                + "\"stock\":10,\"detail\":[{\"name\":\"Colore\",\"value\":\"Blu\"},{\"name\":\"Taglia\",\"value\":\"M\"}]}");
        long id = variation.get("id").asLong();
        assertThat(call("PUT", "Variations/put/" + id, key, "{\"stock\":3}").statusCode()).isEqualTo(400);
        assertThat(call("PUT", "Variations/put/" + id, key, "{\"product_id\":" + product + ",\"stock\":3}").statusCode()).isEqualTo(200);
        assertThat(sim.stock(key, "SKU-VAR-001")).isEqualByComparingTo("3");
        JsonNode listed = array("Products/list", "").get(0);
        assertThat(listed.get("variations").get(0).get("detail").get(0).get("value").asText()).isEqualTo("Blu");
        assertThat(call("POST", "Variations/post/", key, "{\"product_id\":999,\"sku\":\"X\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aPutChangesOnlyTheFieldsSent() throws Exception { // §B.2: PUT Products/put/1 {"stock":10}
        long id = post("Products/post/", "{\"sku\":\"SKU-001\",\"title\":\"Nome 001\",\"price\":\"15.20\",\"stock\":1}").get("id").asLong();
        JsonNode updated = JSON.readTree(call("PUT", "Products/put/" + id, key, "{\"stock\":10}").body());
        assertThat(updated.get("stock").asInt()).isEqualTo(10);
        assertThat(updated.get("price").asText()).isEqualTo("15.20");
        assertThat(call("PUT", "Products/put/999", key, "{\"stock\":10}").statusCode()).isEqualTo(404);
    }

    @Test
    void replaceImagesReplacesTheImagesOtherwiseTheyAreAppended() throws Exception { // §B.2
        post("Products/post/", "{\"sku\":\"SKU-001\",\"title\":\"Nome\",\"images\":[\"https://x/1.jpg\"]}");
        post("Products/post/", "{\"sku\":\"SKU-001\",\"images\":[\"https://x/2.jpg\"]}");
        assertThat(sim.item(key, "SKU-001").get("images")).hasSize(2);
        post("Products/post/?replace_images=1", "{\"sku\":\"SKU-001\",\"images\":[\"https://x/3.jpg\"]}");
        assertThat(sim.item(key, "SKU-001").get("images")).extracting(JsonNode::asText).containsExactly("https://x/3.jpg");
    }

    @Test
    void lastUpdateFromListsOnlyProductsChangedSinceThen() throws Exception { // §B.2, local time without zone
        CLOCK.set("2021-12-14T09:00:00Z");
        post("Products/post/", "{\"sku\":\"OLD\",\"title\":\"Vecchio\"}");
        post("Products/post/", "{\"sku\":\"TOUCHED\",\"title\":\"Toccato\"}");
        CLOCK.set("2021-12-14T10:30:00Z"); // 11:30 in Rome
        sim.setStock(key, "TOUCHED", java.math.BigDecimal.TEN);
        JsonNode changed = array("Products/list", "&last_update_from=2021-12-14T11:00:00");
        assertThat(changed).extracting(n -> n.get("sku").asText()).containsExactly("TOUCHED");
        assertThat(changed.get(0).get("last_update").asText()).isEqualTo("2021-12-14T11:30:00");
        CLOCK.set(null);
    }

    @Test
    void theRequestLogShowsEachAnsweredCallWithItsQueryAndItemsButNeverTheKey() throws Exception { // control side
        post("Products/post/", "{\"sku\":\"A\",\"title\":\"A\"}");
        post("Products/post/", "{\"sku\":\"B\",\"title\":\"B\"}");
        array("Products/list", "&last_update_from=2000-01-01T00:00:00");
        call("GET", "Products/list", "nope", null);

        assertThat(sim.requests(key)).extracting(SmartySimulator.Request::method, SmartySimulator.Request::action,
                SmartySimulator.Request::items).containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "Products/post", 1),
                org.assertj.core.groups.Tuple.tuple("POST", "Products/post", 1), org.assertj.core.groups.Tuple.tuple("GET", "Products/list", 2));
        assertThat(sim.requests(key).get(2).query()).containsEntry("last_update_from", "2000-01-01T00:00:00")
                .doesNotContainKey("ApiKey");
    }

    @Test
    void customersAreFoundByFreeText() throws Exception { // §B.3
        post("Customers/post/", "{\"name\":\"Mario\",\"last_name\":\"Rossi\",\"email\":\"mario@example.it\","
                + "\"billing_address\":{\"address\":\"Via Roma 1\",\"city\":\"Milano\",\"zipcode\":\"20100\",\"country_iso\":\"IT\"}}");
        assertThat(array("Customers/list", "&text=mario@example.it")).hasSize(1);
        assertThat(array("Customers/list", "&text=nessuno@example.it")).isEmpty();
        assertThat(call("POST", "Customers/post/", key, "{\"email\":\"x@y.it\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aSalesOrderMovesFromProcessingToShippedToShippingConfirmed() throws Exception { // §B.4
        post("Products/post/", "{\"sku\":\"1000952600029\",\"title\":\"Nome prodotto 1\",\"price\":\"15\",\"stock\":5}");
        long customer = post("Customers/post/", "{\"name\":\"Mario\",\"last_name\":\"Rossi\",\"email\":\"m@r.it\"}").get("id").asLong();
        JsonNode order = post("Sales_Orders/post/", "{\"customer_id\":" + customer + ",\"payment_type\":\"PayPal\","
                + "\"fees\":{\"shipping\":10.00,\"shipping_tax\":-1},"
                + "\"rows\":[{\"sku\":\"1000952600029\",\"name\":\"Nome prodotto 1\",\"quantity\":\"2\",\"price\":\"15\"}]}");
        long id = order.get("id").asLong();
        assertThat(array("Sales_Orders/list", "&processing=1")).hasSize(1);
        assertThat(sim.stock(key, "1000952600029")).isEqualByComparingTo("3");

        assertThat(call("POST", "Sales_Orders/confirmShip/" + id, key, "{}").statusCode()).isEqualTo(400);
        post("Sales_Orders/ship/" + id, "");
        assertThat(array("Sales_Orders/list", "&processing=1")).isEmpty();
        assertThat(array("Sales_Orders/list", "&shipped=1")).hasSize(1);

        JsonNode confirmed = post("Sales_Orders/confirmShip/" + id, "{\"carrier\":\"GLS\",\"tracking\":\"123456789\"}");
        assertThat(confirmed.get("carrier").asText()).isEqualTo("GLS");
        assertThat(array("Sales_Orders/list", "&shipped=1")).isEmpty();
        assertThat(array("Sales_Orders/list", "&shipping_confirmed=1")).extracting(n -> n.get("tracking").asText())
                .containsExactly("123456789");
    }

    @Test
    void pastTheRateLimitCallsAreRefusedWith429AndRetryAfter() throws Exception { // a guess: SmartyGuesses
        sim.setRateLimit(key, 2);
        call("GET", "Products/list", key, null);
        call("GET", "Products/list", key, null);
        HttpResponse<String> refused = call("GET", "Products/list", key, null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(sim.rateLimitedCalls(key)).isEqualTo(1);
    }

    @Test
    void theControlSideCreatesAccountsProductsAndStockAdjustments() throws Exception { // /_sim, no ApiKey
        JsonNode account = JSON.readTree(admin("POST", "/_sim/accounts", "{\"name\":\"Bianchi Srl\"}").body());
        String other = account.get("apiKey").asText();
        JsonNode created = JSON.readTree(admin("POST", "/_sim/accounts/" + other + "/products",
                "{\"sku\":\"P-1\",\"title\":\"Penna\",\"stock\":5,\"variations\":[{\"sku\":\"P-1-BLU\",\"stock\":2}]}").body());
        assertThat(created.get("variationIds")).hasSize(1);
        HttpResponse<String> adjusted = admin("PUT", "/_sim/accounts/" + other + "/stock", "{\"sku\":\"P-1-BLU\",\"stock\":9}");
        assertThat(adjusted.statusCode()).isEqualTo(200);
        assertThat(sim.stock(other, "P-1-BLU")).isEqualByComparingTo("9");
        assertThat(admin("PUT", "/_sim/accounts/" + other + "/stock", "{\"sku\":\"NONE\",\"stock\":1}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = call("POST", path, key, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode array(String path, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + SmartySimulator.API_PREFIX
                + "/" + path + "?ApiKey=" + key + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> call(String method, String path, String apiKey, String body) throws Exception {
        String sep = path.contains("?") ? "&" : "?";
        URI uri = URI.create(server.baseUrl() + SmartySimulator.API_PREFIX + "/" + path + (apiKey == null ? "" : sep + "ApiKey=" + apiKey));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").method(method, publisher)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The system clock, or a fixed instant while a test needs one. */
    static final class MovableClock extends Clock {
        private volatile Instant fixed;

        void set(String instant) {
            fixed = instant == null ? null : Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            Clock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return fixed == null ? Instant.now() : fixed;
        }
    }
}

package dev.enlace.connector.framework360.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.simulator.SimulatorServer;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator against framework360-smarty.md §A; the undocumented parts follow Framework360Guesses. */
class Framework360SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger SITES = new AtomicInteger();
    private static final Map<String, String> RECEIVED = new ConcurrentHashMap<>();
    private static Vertx vertx;
    private static Framework360Simulator sim;
    private static SimulatorServer server;
    private static HttpServer receiver;
    private String site;
    private String key;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        sim = new Framework360Simulator(vertx, new Framework360Simulator.Options(0.001));
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            RECEIVED.put(b.toString(), req.getHeader("X-Fw360-Signature") + " " + req.getHeader("X-Fw360-Event"));
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        server.close();
        vertx.close();
    }

    @BeforeEach
    void newSite() {
        site = "negozio" + SITES.incrementAndGet();
        key = sim.createSite(site);
    }

    @Test
    void callsNeedTheSitesKeyInXFw360KeyAndAnswerUnderData() throws Exception { // §A.2
        HttpResponse<String> ok = get("check", key);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("data").get("ok").asBoolean()).isTrue();
        assertThat(get("check", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("check", null).statusCode()).isEqualTo(401);
        String other = sim.createSite(site + "b");
        assertThat(get("check", other).statusCode()).as("another site's key").isEqualTo(401);
    }

    @Test
    void ordersListIsPagedAndFilteredByStatuses() throws Exception { // §A.3 orders/list page, limit, statuses[]
        sim.addProduct(site, "SKU-1", "Maglia", new BigDecimal("20.00"), 10L);
        for (int i = 0; i < 3; i++) {
            sim.placeOrder(site, order("SKU-1", 1, 1));
        }
        String paidOne = sim.placeOrder(site, order("SKU-1", 1, 1));
        sim.setStatus(site, paidOne, sim.status(site, "Pagato"));
        assertThat(data(get("orders/list?page=1&limit=3", key))).hasSize(3);
        assertThat(data(get("orders/list?page=2&limit=3", key))).hasSize(1);
        assertThat(data(get("orders/list?statuses[]=2", key))).extracting(o -> o.get("id").asText()).containsExactly(paidOne);
        assertThat(data(get("orders/get?id=" + paidOne, key)).get("status_name").asText()).isEqualTo("Pagato");
        assertThat(get("orders/get?id=999999", key).statusCode()).isEqualTo(404);
    }

    @Test
    void statusesAreTheSitesOwnAndUpdateStatusTakesAStatusIdCourierAndTracking() throws Exception { // §A.3
        JsonNode statuses = data(get("orders/statuses", key));
        assertThat(statuses).extracting(s -> s.get("nome").asText()).contains("Pagato", "Spedito", "Annullato");
        sim.addProduct(site, "SKU-1", "Maglia", new BigDecimal("20.00"), 10L);
        String id = sim.placeOrder(site, order("SKU-1", 2, 1));
        int shipped = sim.status(site, "Spedito");
        JsonNode updated = data(post("orders/updateStatus", "{\"id\":\"" + id + "\",\"status\":" + shipped
                + ",\"courier\":\"BRT\",\"tracking\":\"123456789\"}"));
        assertThat(updated.get("tracking").asText()).isEqualTo("123456789");
        assertThat(updated.get("status_name").asText()).isEqualTo("Spedito");
        assertThat(post("orders/updateStatus", "{\"id\":\"" + id + "\"}").statusCode()).isEqualTo(400);
        assertThat(post("orders/updateStatus", "{\"id\":\"" + id + "\",\"status\":99}").statusCode()).isEqualTo(400);
    }

    @Test
    void taxesListTheSitesVatRates() throws Exception { // §A.3 payments/taxes
        assertThat(data(get("payments/taxes", key))).extracting(t -> t.get("aliquota").decimalValue().intValue())
                .containsExactly(22, 10, 4);
        assertThat(data(get("payments/list", key))).anySatisfy(p -> assertThat(p.get("contrassegno").asBoolean()).isTrue());
    }

    @Test
    void orderWebhooksAreSignedWithTheApiKeyAndCreatingOneTwiceKeepsOne() throws Exception { // guesses
        String url = "http://127.0.0.1:" + receiver.actualPort() + "/hook";
        JsonNode first = data(post("webhooks/create", "{\"event\":\"order.created\",\"url\":\"" + url + "\"}"));
        JsonNode again = data(post("webhooks/create", "{\"event\":\"order.created\",\"url\":\"" + url + "\"}"));
        assertThat(first.get("created").asBoolean()).isTrue();
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(sim.webhooks(site)).hasSize(1);
        sim.addProduct(site, "SKU-1", "Maglia", new BigDecimal("20.00"), 10L);
        String id = sim.placeOrder(site, order("SKU-1", 1, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhookAttempts(site).stream().anyMatch(WebhookDispatcher.Attempt::delivered));
        String body = sim.webhookAttempts(site).get(0).body();
        assertThat(JSON.readTree(body).get("data").get("id").asText()).isEqualTo(id);
        assertThat(RECEIVED.get(body)).isEqualTo("sha256=" + Framework360Simulator.sign(key, body) + " order.created");
        assertThat(post("webhooks/delete", "{\"id\":" + first.get("id").asLong() + "}").statusCode()).isEqualTo(200);
        assertThat(sim.webhooks(site)).isEmpty();
    }

    @Test
    void stockIsReadAndWrittenThroughTheGuessedProductEndpoints() throws Exception { // guesses
        long id = sim.addProduct(site, "SKU-1", "Maglia", new BigDecimal("20.00"), 10L);
        assertThat(data(get("products/list?page=1&limit=10", key)).get(0).get("giacenza").asLong()).isEqualTo(10);
        assertThat(post("products/updateStock", "{\"id\":" + id + ",\"giacenza\":4}").statusCode()).isEqualTo(200);
        assertThat(sim.stock(site, "SKU-1")).isEqualTo(4L);
        assertThat(sim.stockWrites(site, "SKU-1")).isEqualTo(1);
        sim.placeOrder(site, order("SKU-1", 3, 1));
        assertThat(sim.stock(site, "SKU-1")).isEqualTo(1L);
    }

    @Test
    void productsAreCreatedHiddenWithVariantsCategoriesAndImagesWithoutStock() throws Exception { // guesses
        JsonNode created = data(post("products/create", "{\"nome\":\"Maglia\",\"descrizione\":\"Cotone\",\"prezzo\":15.2,"
                + "\"attivo\":false,\"categorie\":[\"Abbigliamento\",\"Maglie\"],\"immagini\":[\"https://img/1.jpg\"],"
                + "\"varianti\":[{\"sku\":\"MAGLIA-M\",\"nome\":\"Blu / M\",\"prezzo\":16}]}"));

        JsonNode read = data(get("products/get?id=" + created.get("id").asLong(), key));
        assertThat(read.get("attivo").asBoolean()).isFalse();
        assertThat(read.get("categorie")).extracting(JsonNode::asText).containsExactly("Abbigliamento", "Maglie");
        assertThat(read.get("immagini")).extracting(JsonNode::asText).containsExactly("https://img/1.jpg");
        assertThat(read.get("varianti").get(0).get("prezzo").decimalValue()).isEqualByComparingTo("16");
        assertThat(sim.stock(site, "MAGLIA-M")).as("stock comes from updateStock only").isZero();
        assertThat(sim.productWrites(site, created.get("id").asLong())).isEqualTo(1);
        assertThat(post("products/create", "{\"nome\":\"Senza prezzo\"}").statusCode()).isEqualTo(400);
        assertThat(post("products/create", "{\"nome\":\"Doppio\",\"prezzo\":1,\"sku\":\"MAGLIA-M\"}").statusCode())
                .as("a SKU the site has").isEqualTo(400);
        assertThat(get("products/get?id=999999", key).statusCode()).isEqualTo(404);
    }

    @Test
    void aProductUpdateChangesTheFieldsSentUpdatesVariantsByIdAndAddsTheOthers() throws Exception { // guesses
        long id = sim.addProduct(site, "TAZZA", "Tazza", new BigDecimal("8.00"), 5L);
        JsonNode created = data(post("products/create", "{\"nome\":\"Maglia\",\"prezzo\":15,\"immagini\":[\"https://img/1.jpg\"],"
                + "\"varianti\":[{\"sku\":\"MAGLIA-M\",\"nome\":\"M\"}]}"));
        long shirt = created.get("id").asLong();
        long medium = created.get("varianti").get(0).get("id").asLong();

        JsonNode updated = data(post("products/update", "{\"id\":" + shirt + ",\"nome\":\"Maglia blu\",\"immagini\":[\"https://img/2.jpg\"],"
                + "\"varianti\":[{\"id\":" + medium + ",\"prezzo\":17,\"giacenza\":99},{\"sku\":\"MAGLIA-L\",\"nome\":\"L\"}]}"));

        assertThat(updated.get("nome").asText()).isEqualTo("Maglia blu");
        assertThat(updated.get("prezzo").decimalValue()).as("not sent, kept").isEqualByComparingTo("15");
        assertThat(updated.get("immagini")).extracting(JsonNode::asText).containsExactly("https://img/2.jpg");
        assertThat(updated.get("varianti")).extracting(v -> v.get("sku").asText()).containsExactly("MAGLIA-M", "MAGLIA-L");
        assertThat(updated.get("varianti").get(0).get("prezzo").decimalValue()).isEqualByComparingTo("17");
        assertThat(sim.stock(site, "MAGLIA-M")).as("update leaves stock alone").isZero();
        assertThat(post("products/update", "{\"id\":" + id + ",\"sku\":\"MAGLIA-L\"}").statusCode()).isEqualTo(400);
        assertThat(post("products/update", "{\"id\":999999,\"nome\":\"X\"}").statusCode()).isEqualTo(404);
        assertThat(post("products/update", "{\"nome\":\"X\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theControlSidePlacesOrdersAndMovesTheirStatus() throws Exception { // /_sim, no key: shop front and back office
        String shop = "admin" + SITES.incrementAndGet();
        JsonNode created = JSON.readTree(admin("POST", "/_sim/sites", "{\"name\":\"" + shop + "\"}").body());
        assertThat(created.get("apiPath").asText()).isEqualTo(Framework360Simulator.apiPath(shop));
        admin("POST", "/_sim/sites/" + shop + "/products", "{\"sku\":\"S-1\",\"nome\":\"Sciarpa\",\"prezzo\":12.5,\"giacenza\":4}");
        JsonNode order = JSON.readTree(admin("POST", "/_sim/sites/" + shop + "/orders",
                "{\"email\":\"a@b.it\",\"paymentId\":3,\"lines\":[{\"sku\":\"S-1\",\"quantity\":2}]}").body());
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(order.get("payment").get("contrassegno").asBoolean()).isTrue();
        JsonNode shipped = JSON.readTree(admin("PUT", "/_sim/sites/" + shop + "/orders/" + order.get("id").asText() + "/status",
                "{\"status\":4}").body());
        assertThat(shipped.get("status_name").asText()).isEqualTo("Spedito");
        assertThat(sim.stock(shop, "S-1")).isEqualTo(2L);
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Framework360Simulator.OrderRequest order(String sku, int quantity, long payment) {
        return new Framework360Simulator.OrderRequest("mario@example.it", "Mario", "Rossi", null,
                List.of(new Framework360Simulator.Line(sku, quantity)), payment, new BigDecimal("5.00"));
    }

    private static JsonNode data(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("data");
    }

    private HttpResponse<String> get(String op, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + Framework360Simulator.apiPath(site) + "/" + op)).GET();
        if (apiKey != null) {
            b.header("X-Fw360-Key", apiKey);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String op, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + Framework360Simulator.apiPath(site) + "/" + op))
                .header("X-Fw360-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

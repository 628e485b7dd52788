package dev.enlace.connector.moysklad.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each documented behaviour of the MoySklad JSON API 1.2 that the simulator reproduces. */
class MoyskladSimulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = "/api/remap/1.2";

    static Vertx vertx;
    static MoyskladSimulator sim;
    static SimulatorServer server;
    static HttpClient http;
    static HttpServer sinkServer;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static volatile int sinkStatus = 200;

    MoyskladSimulator.AccountAccess account;
    MoyskladSeed.Result seeded;

    record Resp(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        sim = new MoyskladSimulator(vertx, MoyskladSimulatorOptions.defaults().withStockWebhookDelay(Duration.ofMillis(50)));
        server = join(SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        sinkServer = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.add(req.uri() + " " + b);
            req.response().setStatusCode(sinkStatus).end();
        }));
        join(sinkServer.listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        sim.close();
        join(vertx.close());
    }

    @BeforeEach
    void seed() {
        received.clear();
        sinkStatus = 200;
        account = sim.createAccount("Shop");
        seeded = sim.seed(account.accountId(), new MoyskladSeed(
                List.of(new MoyskladSeed.Store("Основной склад", null), new MoyskladSeed.Store("Магазин", "M1")),
                List.of(new MoyskladSeed.Product("Кружка", "MUG-1", "00001", null, 50000.0, Map.of("inSales product ID", "777"),
                                Map.of("Основной склад", 5.0, "Магазин", 3.0), Map.of("Магазин", 1.0), null),
                        new MoyskladSeed.Product("Футболка", null, "00002", null, 99000.0, null, null, null, List.of(
                                new MoyskladSeed.Variant(null, "TS-S", null, Map.of("Размер", "S"), Map.of("Магазин", 2.0), null),
                                new MoyskladSeed.Variant(null, "TS-M", null, Map.of("Размер", "M"), Map.of("Основной склад", 4.0), null))))));
    }

    @Test
    void requestsWithoutGzipInAcceptEncodingAre415WithEmptyBody() {
        Resp r = call("GET", API + "/entity/product", null, account.token(), false, Map.of());
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.raw().body()).isEmpty();
    }

    @Test
    void badCredentialsAre401WithErrorCode1056() {
        Resp r = call("GET", API + "/entity/product", null, "nope", true, Map.of());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(1056);
        assertThat(r.body().at("/errors/0/error").asText()).isNotBlank();
    }

    @Test
    void basicAuthWorksAndANewTokenRevokesTheOldOne() {
        HttpRequest req = request("POST", API + "/security/token", null, true, Map.of()).header("Authorization", account.basicAuth()).build();
        Resp r = send(req);
        assertThat(r.status()).isEqualTo(201);
        String fresh = r.body().get("access_token").asText();
        assertThat(get("/entity/store", fresh).status()).isEqualTo(200);
        assertThat(get("/entity/store", account.token()).status()).isEqualTo(401);
    }

    @Test
    void listsUseTheMetaRowsEnvelopeWithLimitOffsetAndNextHref() {
        Resp first = get("/entity/variant?limit=1", account.token());
        assertThat(first.body().at("/meta/size").asInt()).isEqualTo(2);
        assertThat(first.body().at("/meta/limit").asInt()).isEqualTo(1);
        assertThat(first.body().at("/meta/nextHref").asText()).contains("offset=1");
        assertThat(first.body().get("rows")).hasSize(1);
        Resp second = get("/entity/variant?limit=1&offset=1", account.token());
        assertThat(second.body().at("/meta/nextHref").isMissingNode()).isTrue();
        assertThat(second.body().at("/meta/previousHref").asText()).contains("offset=0");
        assertThat(get("/entity/variant?limit=1001", account.token()).status()).isEqualTo(400);
        String filtered = get("/entity/variant?limit=1&filter=" + enc("productid=" + seeded.productIds().get(1)), account.token())
                .body().at("/meta/nextHref").asText();
        assertThat(filtered).contains("offset=1").contains("filter=");
    }

    @Test
    void productsCarryArticleKopeckPricesAndUnsetFieldsAreAbsent() {
        JsonNode mug = get("/entity/product?filter=" + enc("article=MUG-1"), account.token()).body().at("/rows/0");
        assertThat(mug.get("name").asText()).isEqualTo("Кружка");
        assertThat(mug.at("/salePrices/0/value").asDouble()).isEqualTo(50000.0);
        assertThat(mug.at("/meta/type").asText()).isEqualTo("product");
        assertThat(mug.get("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        JsonNode shirt = get("/entity/product?filter=" + enc("code=00002"), account.token()).body().at("/rows/0");
        assertThat(shirt.has("article")).isFalse();
        assertThat(shirt.get("variantsCount").asInt()).isEqualTo(2);
    }

    @Test
    void variantsPointAtTheirProductAndFilterByProductId() {
        String shirt = seeded.productIds().get(1);
        JsonNode rows = get("/entity/variant?filter=" + enc("productid=" + shirt), account.token()).body().get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).at("/product/meta/href").asText()).endsWith("/entity/product/" + shirt);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("Футболка (S)");
        assertThat(rows.get(0).at("/characteristics/0/name").asText()).isEqualTo("Размер");
    }

    @Test
    void productsAreFoundByTheirAttributeHref() {
        JsonNode attrs = get("/entity/product/metadata/attributes", account.token()).body().get("rows");
        String href = attrs.get(0).at("/meta/href").asText();
        JsonNode rows = get("/entity/product?filter=" + enc(href + "=777"), account.token()).body().get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id").asText()).isEqualTo(seeded.productIds().get(0));
    }

    @Test
    void attributesAreMergedByKeyOnUpdate() {
        String created = call("POST", API + "/entity/product/metadata/attributes",
                "[{\"name\":\"Цвет\",\"type\":\"string\"}]", account.token(), true, Map.of()).body().at("/0/meta/href").asText();
        String mug = seeded.productIds().get(0);
        Resp r = call("PUT", API + "/entity/product/" + mug, "{\"attributes\":[{\"meta\":{\"href\":\"" + created
                + "\",\"type\":\"attributemetadata\",\"mediaType\":\"application/json\"},\"value\":\"red\"}]}", account.token(), true, Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(sim.productAttribute(account.accountId(), mug, "Цвет")).isEqualTo("red");
        assertThat(sim.productAttribute(account.accountId(), mug, "inSales product ID")).isEqualTo("777");
    }

    @Test
    void unknownIdsAre404WithCode1021() {
        Resp r = get("/entity/product/00000000-0000-0000-0000-000000000000", account.token());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(1021);
    }

    @Test
    void stockAllSumsEveryStoreUnlessAStoreIsNamedAndStripsNothingFromHrefs() {
        Resp all = get("/report/stock/all", account.token());
        JsonNode mug = row(all.body().get("rows"), seeded.assortmentIds().get(0));
        assertThat(mug.get("stock").asDouble()).isEqualTo(8.0);
        assertThat(mug.get("reserve").asDouble()).isEqualTo(1.0);
        assertThat(mug.get("quantity").asDouble()).isEqualTo(7.0);
        assertThat(mug.at("/meta/href").asText()).endsWith("?expand=supplier");
        String shop = seeded.storeIds().get(1);
        JsonNode inShop = get("/report/stock/all?filter=" + enc("store=http://x" + API + "/entity/store/" + shop),
                account.token()).body().get("rows");
        assertThat(row(inShop, seeded.assortmentIds().get(0)).get("stock").asDouble()).isEqualTo(3.0);
    }

    @Test
    void stockByStoreListsEveryStore() {
        JsonNode rows = get("/report/stock/bystore", account.token()).body().get("rows");
        JsonNode mediumShirt = row(rows, seeded.assortmentIds().get(2));
        assertThat(mediumShirt.get("stockByStore")).hasSize(2);
        assertThat(mediumShirt.at("/stockByStore/0/stock").asDouble()).isEqualTo(4.0);
        assertThat(mediumShirt.at("/stockByStore/1/stock").asDouble()).isEqualTo(0.0);
    }

    @Test
    void currentReportsAreBareArraysKeyedByStockType() {
        JsonNode all = get("/report/stock/all/current?stockType=freeStock", account.token()).body();
        assertThat(all.isArray()).isTrue();
        assertThat(byId(all, seeded.assortmentIds().get(0)).get("freeStock").asDouble()).isEqualTo(7.0);
        String mug = seeded.assortmentIds().get(0);
        JsonNode byStore = get("/report/stock/bystore/current?filter=" + enc("assortmentId=" + mug), account.token()).body();
        assertThat(byStore).hasSize(2);
        assertThat(byStore.get(0).has("storeId")).isTrue();
        assertThat(byStore.get(0).has("stock")).isTrue();
    }

    @Test
    void changedSinceReturnsOnlyItemsThatChangedWithZeroLines() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-24T07:00:00Z"));
        MoyskladSimulator timed = new MoyskladSimulator(vertx, MoyskladSimulatorOptions.defaults().withClock(clock));
        try (SimulatorServer s = join(SimulatorServer.start(vertx, timed.router(), "127.0.0.1", 0))) {
            MoyskladSimulator.AccountAccess a = timed.createAccount("Timed");
            MoyskladSeed.Result r = timed.seed(a.accountId(), new MoyskladSeed(List.of(new MoyskladSeed.Store("A", null)),
                    List.of(new MoyskladSeed.Product("P1", "P-1", null, null, null, null, Map.of("A", 5.0), null, null),
                            new MoyskladSeed.Product("P2", "P-2", null, null, null, null, Map.of("A", 1.0), null, null))));
            clock.advance(Duration.ofMinutes(5));
            timed.moveStock(a.accountId(), r.assortmentIds().get(0), r.storeIds().get(0), -5, 0);
            // 07:04 UTC is 10:04 in Moscow: after the seed, before the move
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + API + "/report/stock/all/current?changedSince="
                    + enc("2026-11-24 10:04:00"))).header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + a.token()).build();
            JsonNode changed = send(req).body();
            assertThat(changed).hasSize(1);
            assertThat(changed.get(0).get("assortmentId").asText()).isEqualTo(r.assortmentIds().get(0));
            assertThat(changed.get(0).get("stock").asDouble()).isEqualTo(0.0);
        } finally {
            timed.close();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        private volatile java.time.Instant now;

        MutableClock(java.time.Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void fullStockReportsCostFiveUnitsAndExceedingTheBucketIs429WithLognexHeaders() {
        for (int i = 0; i < 9; i++) {
            assertThat(get("/report/stock/all", account.token()).status()).isEqualTo(200);
        }
        Resp limited = get("/entity/store", account.token());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().at("/errors/0/code").asInt()).isEqualTo(1049);
        assertThat(limited.raw().headers().firstValue("X-Lognex-Retry-After")).isPresent();
        assertThat(limited.raw().headers().firstValue("X-RateLimit-Limit")).hasValue("45");
        assertThat(limited.raw().headers().firstValue("X-Lognex-Retry-TimeInterval")).hasValue("3000");
    }

    @Test
    void userTokenRequestsCostMoreUnitsAsTheDocumentedRampAdvances() {
        assertThat(remainingAfterOneCallOn("2026-05-01T12:00:00Z")).isEqualTo(44);
        assertThat(remainingAfterOneCallOn("2026-06-01T12:00:00Z")).isEqualTo(43);
        assertThat(remainingAfterOneCallOn("2026-09-01T12:00:00Z")).isEqualTo(42);
        assertThat(remainingAfterOneCallOn("2026-12-01T12:00:00Z")).isEqualTo(41);
    }

    private static int remainingAfterOneCallOn(String instant) {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneOffset.UTC);
        MoyskladSimulator dated = new MoyskladSimulator(vertx, MoyskladSimulatorOptions.defaults().withClock(clock));
        try (SimulatorServer s = join(SimulatorServer.start(vertx, dated.router(), "127.0.0.1", 0))) {
            MoyskladSimulator.AccountAccess a = dated.createAccount("Dated");
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + API + "/entity/store"))
                    .header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + a.token()).build();
            return Integer.parseInt(send(req).raw().headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        } finally {
            dated.close();
        }
    }

    @Test
    void stockMovesFireTheStockWebhookWithARequestIdAndAReportUrl() {
        Resp r = call("POST", API + "/entity/webhookstock", "{\"url\":\"" + sink() + "/stock\",\"enabled\":true,"
                + "\"reportType\":\"bystore\",\"stockType\":\"stock\"}", account.token(), true, Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("reportType").asText()).isEqualTo("bystore");
        sim.moveStock(account.accountId(), seeded.assortmentIds().get(1), seeded.storeIds().get(1), -1, 0);
        sim.moveStock(account.accountId(), seeded.assortmentIds().get(2), seeded.storeIds().get(0), 2, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhookAttempts(account.accountId()).size() == 1);
        String delivery = received.get(0);
        assertThat(delivery).startsWith("/stock?requestId=");
        assertThat(delivery).contains("\"accountId\":\"" + account.accountId() + "\"").contains("\"reportType\":\"bystore\"")
                .contains("/report/stock/bystore/current?changedSince=");
        // the two moves are gathered into one delivery
        assertThat(received).hasSize(1);
    }

    @Test
    void failedDeliveriesAreRetriedThreeTimesWithTheSameRequestId() {
        sinkStatus = 500;
        sim.registerStockWebhook(account.accountId(), sink() + "/stock", "all", "stock");
        sim.moveStock(account.accountId(), seeded.assortmentIds().get(0), seeded.storeIds().get(0), 1, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhookAttempts(account.accountId()).size() == 4);
        List<String> urls = new ArrayList<>(sim.webhookAttempts(account.accountId()).stream().map(a -> a.url()).distinct().toList());
        assertThat(urls).hasSize(1);
    }

    @Test
    void entityWebhooksSendHrefsAndHonourDisableByPrefix() {
        call("POST", API + "/entity/webhook", "{\"url\":\"" + sink() + "/product\",\"action\":\"UPDATE\","
                + "\"entityType\":\"product\",\"diffType\":\"FIELDS\"}", account.token(), true, Map.of());
        String mug = seeded.productIds().get(0);
        call("PUT", API + "/entity/product/" + mug, "{\"name\":\"Mug\"}", account.token(), true,
                Map.of("X-Lognex-WebHook-DisableByPrefix", sink()));
        call("PUT", API + "/entity/product/" + mug, "{\"description\":\"big\"}", account.token(), true, Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("/entity/product/" + mug).contains("\"updatedFields\":[\"description\"]")
                .contains("\"auditContext\"");
    }

    @Test
    void duplicateEntityWebhooksAreRefused() {
        String body = "{\"url\":\"" + sink() + "/p\",\"action\":\"CREATE\",\"entityType\":\"product\"}";
        assertThat(call("POST", API + "/entity/webhook", body, account.token(), true, Map.of()).status()).isEqualTo(200);
        Resp again = call("POST", API + "/entity/webhook", body, account.token(), true, Map.of());
        assertThat(again.status()).isEqualTo(412);
        assertThat(again.body().at("/errors/0/code").asInt()).isEqualTo(3006);
    }

    @Test
    void injectedFaultsAnswerTheChosenStatus() {
        sim.setFaults(account.accountId(), 1.0, 503);
        assertThat(get("/entity/store", account.token()).status()).isEqualTo(503);
    }

    @Test
    void adminApiCreatesAccountsSeedsAndMovesStock() throws Exception {
        Resp created = send(request("POST", "/_sim/accounts", "{\"name\":\"Admin\"}", false, Map.of()).build());
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("accountId").asText();
        String token = created.body().get("token").asText();
        Resp seed = send(request("POST", "/_sim/accounts/" + id + "/seed", "{\"stores\":[{\"name\":\"A\"}],"
                + "\"products\":[{\"name\":\"P\",\"article\":\"P-1\",\"stock\":{\"A\":2}}]}", false, Map.of()).build());
        String item = seed.body().at("/assortmentIds/0").asText();
        String store = seed.body().at("/storeIds/0").asText();
        Resp moved = send(request("POST", "/_sim/accounts/" + id + "/stock", "{\"assortmentId\":\"" + item + "\",\"storeId\":\""
                + store + "\",\"stockDelta\":3}", false, Map.of()).build());
        assertThat(moved.body().get("stock").asDouble()).isEqualTo(5.0);
        assertThat(byId(get("/report/stock/all/current", token).body(), item).get("stock").asDouble()).isEqualTo(5.0);
    }

    // ---- customer orders (ST2, OR2) ----

    private String href(String type, String id) {
        return "{\"meta\":{\"href\":\"" + server.baseUrl() + API + "/entity/" + type + "/" + id + "\",\"type\":\"" + type
                + "\",\"mediaType\":\"application/json\"}}";
    }

    private String organization() {
        return get("/entity/organization", account.token()).body().at("/rows/0/id").asText();
    }

    private String counterparty(String email) {
        return call("POST", API + "/entity/counterparty", "{\"name\":\"Ана\",\"email\":\"" + email
                + "\",\"companyType\":\"individual\"}", account.token(), true, Map.of()).body().get("id").asText();
    }

    /** A posted order in the main store reserving {@code reserve} of the mug. */
    private Resp customerOrder(String externalCode, double quantity, double reserve) {
        return call("POST", API + "/entity/customerorder", "{\"externalCode\":\"" + externalCode + "\",\"organization\":"
                + href("organization", organization()) + ",\"agent\":" + href("counterparty", counterparty("a@b.ru"))
                + ",\"store\":" + href("store", seeded.storeIds().get(0)) + ",\"positions\":[{\"quantity\":" + quantity
                + ",\"price\":50000,\"reserve\":" + reserve + ",\"assortment\":" + href("product", seeded.productIds().get(0))
                + "}]}", account.token(), true, Map.of());
    }

    private double freeStock(String store) {
        JsonNode rows = get("/report/stock/bystore/current?stockType=freeStock&filter=" + enc("assortmentId="
                + seeded.assortmentIds().get(0) + ";storeId=" + store), account.token()).body();
        return rows.size() == 0 ? 0 : rows.get(0).get("freeStock").asDouble();
    }

    @Test
    void customerOrderRequiresOrganizationAndAgent() {
        Resp r = call("POST", API + "/entity/customerorder", "{\"organization\":" + href("organization", organization()) + "}",
                account.token(), true, Map.of());
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(3000);
        assertThat(r.body().at("/errors/0/parameter").asText()).isEqualTo("agent");
    }

    @Test
    void positionReserveLowersFreeStockNotStockAndIsAnnouncedAsAStockChange() {
        sim.registerStockWebhook(account.accountId(), sink() + "/stock", "all", "stock");
        String main = seeded.storeIds().get(0);
        Resp created = customerOrder("shop-order-1", 3, 2);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("name").asText()).isNotBlank();
        assertThat(created.body().at("/positions/meta/size").asInt()).isEqualTo(1);
        assertThat(freeStock(main)).isEqualTo(3.0);
        JsonNode report = row(get("/report/stock/all", account.token()).body().get("rows"), seeded.assortmentIds().get(0));
        assertThat(report.get("stock").asDouble()).isEqualTo(8.0);
        assertThat(report.get("reserve").asDouble()).isEqualTo(3.0);
        assertThat(sim.stock(account.accountId(), seeded.assortmentIds().get(0), main).reserve()).isEqualTo(2.0);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(d -> d.startsWith("/stock?requestId=")));
    }

    @Test
    void externalCodeIsNotUniqueSoClientsFindOrdersByItsFilter() {
        customerOrder("shop-order-7", 1, 0);
        customerOrder("shop-order-7", 1, 0);
        customerOrder("shop-order-8", 1, 0);
        assertThat(get("/entity/customerorder?filter=" + enc("externalCode=shop-order-7"), account.token()).body()
                .at("/meta/size").asInt()).isEqualTo(2);
        assertThat(get("/entity/customerorder?filter=" + enc("externalCode=shop-order-9"), account.token()).body()
                .get("rows")).isEmpty();
    }

    @Test
    void positionsAreAddedAndTheirReserveReleasedThroughTheirOwnPath() {
        String main = seeded.storeIds().get(0);
        String order = customerOrder("shop-order-2", 2, 2).body().get("id").asText();
        Resp added = call("POST", API + "/entity/customerorder/" + order + "/positions", "[{\"quantity\":1,\"reserve\":1,"
                + "\"assortment\":" + href("variant", seeded.assortmentIds().get(2)) + "}]", account.token(), true, Map.of());
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).hasSize(1);
        JsonNode positions = get("/entity/customerorder/" + order + "/positions", account.token()).body().get("rows");
        assertThat(positions).hasSize(2);
        String mugPosition = positions.get(0).get("id").asText();
        Resp tooMuch = call("PUT", API + "/entity/customerorder/" + order + "/positions/" + mugPosition, "{\"reserve\":5}",
                account.token(), true, Map.of());
        assertThat(tooMuch.status()).isEqualTo(412);
        assertThat(freeStock(main)).isEqualTo(3.0);
        Resp released = call("PUT", API + "/entity/customerorder/" + order + "/positions/" + mugPosition, "{\"reserve\":0}",
                account.token(), true, Map.of());
        assertThat(released.body().get("reserve").asDouble()).isZero();
        assertThat(freeStock(main)).isEqualTo(5.0);
        // a product with variants is not an assortment item of its own
        Resp wrong = call("POST", API + "/entity/customerorder/" + order + "/positions", "{\"quantity\":1,\"assortment\":"
                + href("product", seeded.productIds().get(1)) + "}", account.token(), true, Map.of());
        assertThat(wrong.status()).isEqualTo(412);
    }

    @Test
    void statesComeFromMetadataAndAStateOfAnotherDocumentIsError11002() {
        JsonNode states = get("/entity/customerorder/metadata", account.token()).body().get("states");
        JsonNode cancelled = null;
        for (JsonNode state : states) {
            if (state.get("name").asText().equals("Отменен")) {
                cancelled = state;
            }
        }
        assertThat(cancelled).isNotNull();
        assertThat(cancelled.get("stateType").asText()).isEqualTo("Unsuccessful");
        String order = customerOrder("shop-order-3", 1, 1).body().get("id").asText();
        Resp foreign = call("PUT", API + "/entity/customerorder/" + order, "{\"state\":{\"meta\":{\"href\":\"" + server.baseUrl()
                + API + "/entity/demand/metadata/states/" + cancelled.get("id").asText() + "\"}}}", account.token(), true, Map.of());
        assertThat(foreign.body().at("/errors/0/code").asInt()).isEqualTo(11002);
        Resp moved = call("PUT", API + "/entity/customerorder/" + order, "{\"state\":{\"meta\":"
                + cancelled.get("meta").toString() + "}}", account.token(), true, Map.of());
        assertThat(moved.status()).isEqualTo(200);
        assertThat(get("/entity/customerorder/" + order + "?expand=state", account.token()).body().at("/state/name").asText())
                .isEqualTo("Отменен");
    }

    @Test
    void counterpartiesAreFoundByExactEmailAndCustomerOrderCreationFiresItsHook() {
        call("POST", API + "/entity/webhook", "{\"url\":\"" + sink() + "/orders\",\"action\":\"CREATE\","
                + "\"entityType\":\"customerorder\"}", account.token(), true, Map.of());
        String id = counterparty("buyer@shop.ru");
        assertThat(get("/entity/counterparty?filter=" + enc("email=buyer@shop.ru"), account.token()).body().at("/rows/0/id")
                .asText()).isEqualTo(id);
        assertThat(get("/entity/counterparty?filter=" + enc("email=buyer@shop"), account.token()).body().get("rows")).isEmpty();
        String order = customerOrder("shop-order-4", 1, 0).body().get("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(d -> d.startsWith("/orders?requestId=")
                && d.contains("/entity/customerorder/" + order) && d.contains("\"action\":\"CREATE\"")));
    }

    // ---- helpers ----

    static String sink() {
        return "http://127.0.0.1:" + sinkServer.actualPort();
    }

    static JsonNode row(JsonNode rows, String id) {
        for (JsonNode r : rows) {
            if (r.at("/meta/href").asText().contains("/" + id)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + id + " in " + rows);
    }

    static JsonNode byId(JsonNode rows, String id) {
        for (JsonNode r : rows) {
            if (r.get("assortmentId").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + id + " in " + rows);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Resp get(String path, String token) {
        return call("GET", API + path, null, token, true, Map.of());
    }

    static Resp call(String method, String path, String json, String token, boolean gzip, Map<String, String> headers) {
        HttpRequest.Builder b = request(method, path, json, gzip, headers);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    static HttpRequest.Builder request(String method, String path, String json, boolean gzip, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    static Resp send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T join(io.vertx.core.Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }

    // ---- product creation, folders, price types, images (CA4) ----

    @Test
    void productIsCreatedInAFolderWithItsKopeckPriceAndTheFolderPathShows() {
        String token = account.token();
        JsonNode priceType = call("GET", API + "/context/companysettings/pricetype", null, token, true, Map.of()).body();
        assertThat(priceType.isArray()).as("the price type list is a bare array").isTrue();
        String priceTypeHref = priceType.get(0).at("/meta/href").asText();
        Resp folder = call("POST", API + "/entity/productfolder", "{\"name\":\"Кружки\"}", token, true, Map.of());
        assertThat(folder.status()).isEqualTo(200);
        String folderHref = folder.body().at("/meta/href").asText();

        Resp created = call("POST", API + "/entity/product", "{\"name\":\"Кружка белая\",\"article\":\"MUG-W\","
                + "\"description\":\"Фарфор\",\"productFolder\":{\"meta\":{\"href\":\"" + folderHref + "\",\"type\":\"productfolder\"}},"
                + "\"salePrices\":[{\"value\":49000,\"priceType\":{\"meta\":{\"href\":\"" + priceTypeHref + "\",\"type\":\"pricetype\"}}}]}",
                token, true, Map.of());
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("externalCode").asText()).as("generated when omitted").isNotBlank();
        assertThat(created.body().at("/salePrices/0/value").asDouble()).isEqualTo(49000.0);
        assertThat(created.body().get("pathName").asText()).isEqualTo("Кружки");
        assertThat(created.body().at("/productFolder/meta/href").asText()).isEqualTo(folderHref);
        assertThat(get("/entity/productfolder?filter=" + enc("name=Кружки"), token).body().at("/meta/size").asInt()).isEqualTo(1);
    }

    @Test
    void productWithoutNameIsRefusedWith412() {
        Resp r = call("POST", API + "/entity/product", "{\"article\":\"X\"}", account.token(), true, Map.of());
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(3000);
    }

    @Test
    void imagesAreBase64JpegOrPngAndListedOnTheProduct() {
        String token = account.token();
        String id = seeded.productIds().get(0);
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        Resp added = call("POST", API + "/entity/product/" + id + "/images", "{\"filename\":\"a.png\",\"content\":\"" + png + "\"}",
                token, true, Map.of());
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get(0).get("filename").asText()).isEqualTo("a.png");
        assertThat(get("/entity/product/" + id + "/images", token).body().get("rows")).hasSize(1);
        assertThat(get("/entity/product/" + id, token).body().at("/images/meta/size").asInt()).isEqualTo(1);

        Resp text = call("POST", API + "/entity/product/" + id + "/images", "{\"filename\":\"a.png\",\"content\":\"aGVsbG8=\"}",
                token, true, Map.of());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body().at("/errors/0/code").asInt()).isEqualTo(51002);
    }

    @Test
    void createWithAKnownSyncIdUpdatesThatProductInsteadOfMakingASecond() {
        String body = "{\"name\":\"Кружка\",\"article\":\"MUG-S\",\"syncId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"}";
        Resp first = call("POST", API + "/entity/product", body, account.token(), true, Map.of());
        Resp again = call("POST", API + "/entity/product", body.replace("Кружка", "Кружка большая"), account.token(), true, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
        assertThat(again.body().get("name").asText()).isEqualTo("Кружка большая");
        assertThat(get("/entity/product?filter=" + enc("article=MUG-S"), account.token()).body().at("/meta/size").asInt())
                .isEqualTo(1);
    }

    // ---- price types, variants, downloads (CA3, CA5, CA7) ----

    @Test
    void priceTypesAreReplacedAsAWholeListWhoseFirstIsTheDefault() {
        String token = account.token();
        JsonNode before = get("/context/companysettings/pricetype", token).body();
        String sale = before.get(0).at("/meta/href").asText();
        Resp replaced = call("POST", API + "/context/companysettings/pricetype", "[{\"name\":\"Интернет\"},"
                + "{\"meta\":{\"href\":\"" + sale + "\",\"type\":\"pricetype\"},\"name\":\"Цена продажи\"}]", token, true, Map.of());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).extracting(t -> t.get("name").asText()).containsExactly("Интернет", "Цена продажи");
        assertThat(get("/context/companysettings/pricetype/default", token).body().get("name").asText()).isEqualTo("Интернет");
        assertThat(replaced.body().get(1).at("/meta/href").asText()).as("a type sent with its meta keeps its id").isEqualTo(sale);
        // every product lists every price type, in the list's order
        JsonNode mug = get("/entity/product/" + seeded.productIds().get(0), token).body();
        assertThat(mug.get("salePrices")).extracting(p -> p.at("/priceType/name").asText() + " " + p.get("value").asDouble())
                .containsExactly("Интернет 0.0", "Цена продажи 50000.0");

        Resp duplicate = call("POST", API + "/context/companysettings/pricetype", "[{\"name\":\"A\"},{\"name\":\"A\"}]",
                token, true, Map.of());
        assertThat(duplicate.status()).isEqualTo(412);
        assertThat(duplicate.body().at("/errors/0/code").asInt()).isEqualTo(3006);
    }

    @Test
    void salePricesAreMergedByPriceTypeAndAnUnknownTypeIsRefused() {
        String token = account.token();
        String web = call("POST", API + "/context/companysettings/pricetype", "[{\"meta\":{\"href\":\""
                + get("/context/companysettings/pricetype/default", token).body().at("/meta/href").asText()
                + "\"},\"name\":\"Цена продажи\"},{\"name\":\"Интернет\"}]", token, true, Map.of()).body().get(1).at("/meta/href").asText();
        String mug = seeded.productIds().get(0);
        Resp put = call("PUT", API + "/entity/product/" + mug, "{\"salePrices\":[{\"value\":45000,\"priceType\":{\"meta\":{\"href\":\""
                + web + "\"}}}]}", token, true, Map.of());
        assertThat(put.body().get("salePrices")).extracting(p -> p.get("value").asDouble()).containsExactly(50000.0, 45000.0);
        Resp unknown = call("PUT", API + "/entity/product/" + mug, "{\"salePrices\":[{\"value\":1,\"priceType\":{\"meta\":{\"href\":\""
                + web.replaceAll("[0-9a-f-]{36}$", "00000000-0000-0000-0000-000000000000") + "\"}}}]}", token, true, Map.of());
        assertThat(unknown.status()).isEqualTo(412);
    }

    @Test
    void variantsAreCreatedWithKnownCharacteristicsAndTheirOwnPricesAndFireHooks() {
        String token = account.token();
        call("POST", API + "/entity/webhook", "{\"url\":\"" + sink() + "/v\",\"action\":\"CREATE\",\"entityType\":\"variant\"}",
                token, true, Map.of());
        call("POST", API + "/entity/webhook", "{\"url\":\"" + sink() + "/v\",\"action\":\"UPDATE\",\"entityType\":\"variant\"}",
                token, true, Map.of());
        String shirt = seeded.productIds().get(1);
        String productRef = "\"product\":{\"meta\":{\"href\":\"" + server.baseUrl() + API + "/entity/product/" + shirt + "\"}}";
        Resp unknownCharacteristic = call("POST", API + "/entity/variant", "{" + productRef
                + ",\"characteristics\":[{\"name\":\"Цвет\",\"value\":\"Белый\"}]}", token, true, Map.of());
        assertThat(unknownCharacteristic.status()).isEqualTo(412);
        assertThat(call("POST", API + "/entity/variant", "{" + productRef + "}", token, true, Map.of()).status())
                .as("characteristics are required").isEqualTo(412);

        Resp created = call("POST", API + "/entity/variant", "{" + productRef + ",\"article\":\"TS-L\","
                + "\"characteristics\":[{\"name\":\"Размер\",\"value\":\"L\"}]}", token, true, Map.of());
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("name").asText()).isEqualTo("Футболка (L)");
        assertThat(created.body().at("/salePrices/0/value").asDouble()).as("without own prices: the product's").isEqualTo(99000.0);
        String id = created.body().get("id").asText();
        String priceType = created.body().at("/salePrices/0/priceType/meta/href").asText();
        Resp updated = call("PUT", API + "/entity/variant/" + id, "{\"salePrices\":[{\"value\":105000,\"priceType\":{\"meta\":{\"href\":\""
                + priceType + "\"}}}]}", token, true, Map.of());
        assertThat(updated.body().at("/salePrices/0/value").asDouble()).isEqualTo(105000.0);
        assertThat(get("/entity/product/" + shirt, token).body().get("variantsCount").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(received).allMatch(r -> r.contains("/entity/variant/" + id));
        assertThat(received).anyMatch(r -> r.contains("\"CREATE\"")).anyMatch(r -> r.contains("\"UPDATE\""));
    }

    @Test
    void anImageDownloadRedirectsToATemporaryLinkThatNeedsNoAuth() {
        String token = account.token();
        String id = seeded.productIds().get(0);
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        String download = call("POST", API + "/entity/product/" + id + "/images", "{\"filename\":\"a.png\",\"content\":\"" + png + "\"}",
                token, true, Map.of()).body().get(0).at("/meta/downloadHref").asText();

        Resp redirect = call("GET", download.substring(server.baseUrl().length()), null, token, true,
                Map.of("X-Lognex-Download-Expiration-Seconds", "3600"));
        assertThat(redirect.status()).isEqualTo(302);
        String link = redirect.raw().headers().firstValue("Location").orElseThrow();
        assertThat(link).contains("/a.png?").contains("signature=");
        HttpResponse<byte[]> file;
        try {
            file = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(java.util.Base64.getDecoder().decode(png));
        assertThat(send(HttpRequest.newBuilder(URI.create(link.replaceAll("signature=[0-9a-f]+", "signature=00"))).build()).status())
                .isEqualTo(403);
        assertThat(call("GET", download.substring(server.baseUrl().length()), null, "nope", true, Map.of()).status())
                .as("the download itself needs auth").isEqualTo(401);
    }
}

package dev.enlace.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.client.JumpsellerCatalogProduct;
import dev.enlace.connector.relbase.simulator.RelbaseSeed;
import dev.enlace.connector.jumpseller.mapping.JumpsellerProductWriter;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductUpdated;
import dev.enlace.events.Topics;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Product sync with Bsale as product master and a Jumpseller store, against both simulators. */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class ErpProductSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaEvents events;

    @Inject
    EchoGuard echo;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;
    @Inject
    ProductPush push;
    @Inject
    TenantRegistry tenants;
    @Inject
    Connectors connectors;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.CATALOG);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void importCreatesUnlinkedErpProductsDisabledInTheStoreWithNamePriceAndNoStock() { // CA3
        SyncTenant t = SyncTenant.create("ca3new", 0, "");
        t.seedErp(SyncTenant.erpProduct("Polera Azul", "CA3-AZ-S", "10000", "CA3-AZ-M", "10500"),
                SyncTenant.erpProduct("Gorro", "CA3-GO", "5000"));

        finish(startRun(t.id(), "import")).body("created", equalTo(2)).body("failed", equalTo(0));

        JsonNode polera = t.storeProduct("CA3-AZ-S").orElseThrow();
        assertThat(polera.path("name").asText()).isEqualTo("Polera Azul");
        assertThat(polera.path("status").asText()).isEqualTo("disabled");
        assertThat(polera.path("variants")).extracting(v -> v.path("sku").asText()).containsExactlyInAnyOrder("CA3-AZ-S", "CA3-AZ-M");
        // Bsale keeps net prices; the store shows them with IVA (19 %)
        assertThat(polera.path("variants")).extracting(v -> v.path("price").asDouble()).containsExactlyInAnyOrder(11900.0, 12495.0);
        assertThat(polera.path("variants")).extracting(v -> v.path("stock").asInt()).containsOnly(0);
        JsonNode gorro = t.storeProduct("CA3-GO").orElseThrow();
        assertThat(gorro.path("status").asText()).isEqualTo("disabled");
        assertThat(gorro.path("price").asDouble()).isEqualTo(5950.0);
        assertThat(gorro.path("stock").asInt()).as("stock comes from stock-service once linked").isZero();
    }

    @Test
    void eachImportedVariantIsLinkedByImportAndAnnounced() { // CA3
        SyncTenant t = SyncTenant.create("ca3link", 0, "");
        t.seedErp(SyncTenant.erpProduct("Bolso", "CA3-BO-1", "8000", "CA3-BO-2", "8000"));

        finish(startRun(t.id(), "import"));

        given().get("/tenants/ca3link/links").then().statusCode(200)
                .body("findAll { it.method == 'IMPORT' }.sku", org.hamcrest.Matchers.containsInAnyOrder("CA3-BO-1", "CA3-BO-2"));
        var linked = events.await(r -> r.key().equals(Topics.key("ca3link", "CA3-BO-2")), 1, WAIT);
        assertThat(new String(linked.get(0).value().getData().toBytes())).contains("\"method\":\"IMPORT\"");
    }

    @Test
    void importSkipsSkusAlreadyLinked() { // CA3
        SyncTenant t = SyncTenant.create("ca3skip", 3, "");
        given().post("/tenants/ca3skip/links/by-sku").then().statusCode(200).body("linked", equalTo(3));
        int storeProducts = t.storeProducts().size();

        finish(startRun(t.id(), "import")).body("total", equalTo(3)).body("skipped", equalTo(3)).body("created", equalTo(0));

        assertThat(t.storeProducts()).hasSize(storeProducts);
    }

    @Test
    void importProgressTellsDoneOfTotalRateAndRemainingTime() { // CA3
        SyncTenant t = SyncTenant.create("ca3prog", 0, "");
        for (int i = 1; i <= 6; i++) {
            t.seedErp(SyncTenant.erpProduct("Taza " + i, "CA3-TZ-" + i, "3000"));
        }
        String run = startRun(t.id(), "import");
        given().get(run).then().statusCode(200).body("kind", equalTo("IMPORT")).body("startedAt", notNullValue());

        finish(run).body("total", equalTo(6)).body("done", equalTo(6)).body("created", equalTo(6))
                .body("ratePerSecond", greaterThan(0f)).body("remainingSeconds", equalTo(0))
                .body("firstWrittenAt", notNullValue()).body("lastWrittenAt", notNullValue());
    }

    @Test
    void erpProductChangeUpdatesTheStoreAndPublishesTheFullProduct() { // CA5
        SyncTenant t = SyncTenant.create("ca5chg", 0, "");
        long product = t.seedErp(SyncTenant.erpProduct("Chaqueta", "CA5-CH", "20000")).get(0);
        finish(startRun(t.id(), "import"));

        t.bsalePut("/products/" + product + ".json", Map.of("name", "Chaqueta Impermeable", "description", "Con capucha"));

        await().atMost(WAIT).until(() -> t.storeProduct("CA5-CH").orElseThrow().path("name").asText()
                .equals("Chaqueta Impermeable"));
        assertThat(t.storeProduct("CA5-CH").orElseThrow().path("description").asText()).isEqualTo("Con capucha");
        var updated = events.await(r -> r.key().equals(Topics.key("ca5chg", "bsale:" + product))
                && ProductUpdated.TYPE.equals(r.value().getType())
                && new String(r.value().getData().toBytes()).contains("Chaqueta Impermeable"), 1, WAIT);
        String data = new String(updated.get(0).value().getData().toBytes());
        assertThat(data).as("the full state, not a diff").contains("\"sku\":\"CA5-CH\"").contains("Con capucha")
                .contains("\"amount\":23800");
    }

    @Test
    void theStoresOwnVariantOptionsStayWhenTheErpHasNone() { // CA5
        // the shared product is a Bsale product without options, and a store product with one variant "Talla: Única"
        SyncTenant t = SyncTenant.create("ca5opt", 1, "");
        String sku = t.demo.skus().get(0);
        given().post("/tenants/ca5opt/links/by-sku").then().statusCode(200).body("linked", equalTo(1));
        String product = t.bsaleGet("/variants/" + t.demo.bsaleVariants().get(sku) + ".json").path("product").path("id").asText();

        t.bsalePut("/products/" + product + ".json", Map.of("name", "Producto con nombre nuevo"));

        await().atMost(WAIT).until(() -> t.storeProduct(sku).orElseThrow().path("name").asText().equals("Producto con nombre nuevo"));
        JsonNode variant = t.storeProduct(sku).orElseThrow().path("variants").get(0);
        assertThat(variant.path("options").get(0).path("name").asText()).isEqualTo("Talla");
        assertThat(variant.path("options").get(0).path("value").asText()).isEqualTo("Única");
        assertThat(variant.path("price").asDouble()).as("Bsale's 9,990 net with IVA").isEqualTo(11888.0);
    }

    @Test
    void erpProductEnlaceNeverSawIsCreatedInTheStoreOnItsFirstNotification() { // CA5
        SyncTenant t = SyncTenant.create("ca5new", 0, "");
        long product = t.seedErp(SyncTenant.erpProduct("Semilla", "CA5-SE", "1000")).get(0);
        long variant = sims().bsale().variantId(t.demo.cpnId(), "CA5-SE");
        sims().bsale().setPrice(t.demo.cpnId(), 1, variant, 1500);

        // seeded silently, so the price notification is the first Enlace hears of the product
        await().atMost(WAIT).until(() -> t.storeProduct("CA5-SE").isPresent());
        JsonNode created = t.storeProduct("CA5-SE").orElseThrow();
        assertThat(created.path("status").asText()).isEqualTo("disabled");
        assertThat(created.path("price").asDouble()).isEqualTo(1785.0);
        // the link is stored once the store answered
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/ca5new/links").then().body("sku", hasItem("CA5-SE"))
                .body("find { it.sku == 'CA5-SE' }.erpProductId", equalTo(String.valueOf(product))));
    }

    @Test
    void pushesRacingToCreateOneErpProductMakeOneStoreProduct() throws Throwable { // CA3, CA5: never two
        SyncTenant t = SyncTenant.create("ca3race", 0, "");
        String productId = String.valueOf(t.seedErp(SyncTenant.erpProduct("Gorro", "RACE-GO", "9000")).get(0));
        Tenant tenant = tenants.find("ca3race").orElseThrow();
        ProductSnapshot erp = VertxContextSupport.subscribeAndAwait(() -> connectors.require(ProductCatalog.class, "bsale")
                .product(ProductPush.erpConnection(tenant), productId)).orElseThrow();

        // an import and product webhooks all finding the product unlinked, each in its own context as in the service
        List<ProductPush.Outcome> outcomes = VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(IntStream.range(0, 4)
                .mapToObj(i -> IsolatedContext.run(vertx, () -> push.push(tenant, erp,
                        i == 0 ? ProductPush.Mode.IMPORT : ProductPush.Mode.CHANGE, "race-" + i)))
                .toList()).andFailFast());

        assertThat(outcomes).doesNotContain(ProductPush.Outcome.FAILED);
        assertThat(outcomes.stream().filter(o -> o == ProductPush.Outcome.CREATED)).hasSizeLessThanOrEqualTo(1);
        assertThat(t.storeProducts().stream().filter(p -> "RACE-GO".equals(p.path("sku").asText(null)))).hasSize(1);
        given().get("/tenants/ca3race/links").then().body("findAll { it.sku == 'RACE-GO' }", hasSize(1));
    }

    @Test
    void theChosenPriceListFeedsTheStorePrice() { // CA7
        SyncTenant t = SyncTenant.createWithPriceList("ca7web");
        long variantId = sims().bsale().variantId(t.demo.cpnId(), "CA7-PL");
        long web = t.priceList;
        sims().bsale().setPrice(t.demo.cpnId(), web, variantId, 20000);
        finish(startRun(t.id(), "import"));
        assertThat(t.storeProduct("CA7-PL").orElseThrow().path("price").asDouble()).isEqualTo(23800.0);

        sims().bsale().setPrice(t.demo.cpnId(), 1, variantId, 1000); // the base list: not the store's
        sims().bsale().setPrice(t.demo.cpnId(), web, variantId, 30000);

        await().atMost(WAIT).until(() -> t.storeProduct("CA7-PL").orElseThrow().path("price").asDouble() == 35700.0);
    }

    @Test
    void manualPushWritesEveryLinkedProductAgain() { // CA11
        SyncTenant t = SyncTenant.create("ca11", 0, "");
        t.seedErp(SyncTenant.erpProduct("Lámpara", "CA11-LA", "15000"));
        finish(startRun(t.id(), "import"));
        long storeId = t.storeProduct("CA11-LA").orElseThrow().path("id").asLong();
        t.storePut(storeId, Map.of("name", "Lámpara (editada en la tienda)"));

        finish(startRun(t.id(), "push")).body("kind", equalTo("PUSH")).body("total", equalTo(1)).body("updated", equalTo(1));

        assertThat(t.storeProduct("CA11-LA").orElseThrow().path("name").asText()).isEqualTo("Lámpara");
    }

    @Test
    void theStoreProductAsEnlaceWroteItIsAnEchoButAShopOwnersEditIsNot() { // CA5: no loops
        SyncTenant t = SyncTenant.create("echo", 0, "");
        t.seedErp(SyncTenant.erpProduct("Mochila", "ECHO-MO", "25000"));
        finish(startRun(t.id(), "import"));
        JsonNode written = t.storeProduct("ECHO-MO").orElseThrow();

        assertThat(known("echo", written)).as("the store's product webhook after Enlace's write").isTrue();

        t.storePut(written.path("id").asLong(), Map.of("name", "Mochila grande"));
        assertThat(known("echo", t.storeProduct("ECHO-MO").orElseThrow())).isFalse();
    }

    @Test
    void aFailedPushIsRecordedAndResolvedByTheNextSuccess() { // CA5, CA10
        SyncTenant t = SyncTenant.create("ca5fail", 0, "");
        long product = t.seedErp(SyncTenant.erpProduct("Reloj", "CA5-RE", "50000")).get(0);
        finish(startRun(t.id(), "import"));
        String reference = "bsale:" + product;

        sims().jumpseller().setFaultRate(t.demo.storeCode(), 1.0);
        try {
            t.bsalePut("/products/" + product + ".json", Map.of("name", "Reloj Pulsera"));
            await().atMost(WAIT).untilAsserted(() -> given().get("/failures?tenant=ca5fail").then()
                    .body("find { it.reference == '" + reference + "' }.kind", equalTo(dev.enlace.catalog.domain.SyncStatus.FAILURE_KIND))
                    .body("find { it.reference == '" + reference + "' }.status", equalTo("OPEN")));
        } finally {
            sims().jumpseller().setFaultRate(t.demo.storeCode(), 0);
        }

        t.bsalePut("/products/" + product + ".json", Map.of("name", "Reloj de Pulsera"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/failures?tenant=ca5fail").then()
                .body("find { it.reference == '" + reference + "' }.status", equalTo("RESOLVED")));
        assertThat(t.storeProduct("CA5-RE").orElseThrow().path("name").asText()).isEqualTo("Reloj de Pulsera");
    }

    @Test
    void aChangeInAnErpWithoutProductWebhooksIsFoundByPollingAndReachesTheStore() { // CA5 by polling
        SyncTenant t = SyncTenant.createRelbase("ca5poll", 1, "pollInterval: PT10S\n");
        String sku = t.relbase.skus().get(0);
        given().post("/tenants/ca5poll/links/by-sku").then().statusCode(200).body("linked", equalTo(1));
        // the first poll only takes the baseline
        await().atMost(WAIT).until(() -> IsolatedContext.run(vertx, () -> echo.knowsAny("ca5poll", "relbase"))
                .await().atMost(WAIT));

        sims().relbase().editProduct(t.relbase.companyId(), t.relbase.products().get(sku), "Producto renombrado", null,
                new java.math.BigDecimal("12990"));

        await().atMost(WAIT).until(() -> t.storeProduct(sku).orElseThrow().path("name").asText().equals("Producto renombrado"));
        assertThat(t.storeProduct(sku).orElseThrow().path("price").asDouble()).isEqualTo(12990.0);
    }

    @Test
    void erpImagesReachTheStoreOnceHoweverOftenTheProductIsPushed_CA8() { // CA8 with CA3 and CA11
        SyncTenant t = SyncTenant.createRelbase("ca8once", 0, "");
        long product = sims().relbase().seed(t.relbase.companyId(), new RelbaseSeed(List.of(), List.of(
                new RelbaseSeed.Product("CA8-PO", "Polera", null, new BigDecimal("9990"), true, null)))).productIds().get(0);
        sims().relbase().setImage(t.relbase.companyId(), product, "https://fotos.example.cl/ca8/polera.jpg");

        finish(startRun(t.id(), "import")).body("created", equalTo(1));
        assertThat(t.storeImages("CA8-PO")).containsExactly("https://fotos.example.cl/ca8/polera.jpg");

        finish(startRun(t.id(), "push")).body("updated", equalTo(1));
        finish(startRun(t.id(), "push")).body("updated", equalTo(1));
        assertThat(t.storeImages("CA8-PO")).as("one copy after two pushes").containsExactly("https://fotos.example.cl/ca8/polera.jpg");
    }

    @Test
    void withImageSyncOffNoImageIsWrittenNorRemoved_CA8() { // CA8 off
        SyncTenant t = SyncTenant.createRelbase("ca8off", 1, "syncImages: false\n");
        String sku = t.relbase.skus().get(0);
        given().post("/tenants/ca8off/links/by-sku").then().statusCode(200).body("linked", equalTo(1));
        t.storeAddImage(t.storeProduct(sku).orElseThrow().path("id").asLong(), "https://tienda.example.cl/propia.jpg");
        sims().relbase().setImage(t.relbase.companyId(), t.relbase.products().get(sku), "https://fotos.example.cl/ca8off/gorro.jpg");

        finish(startRun(t.id(), "push")).body("updated", equalTo(1));

        assertThat(t.storeImages(sku)).containsExactly("https://tienda.example.cl/propia.jpg");
    }

    @Test
    void anImageChangedAtTheErpReplacesTheStoresCopy_CA5_CA8() { // CA5 by polling, CA8
        SyncTenant t = SyncTenant.createRelbase("ca8chg", 1, "pollInterval: PT10S\n");
        String sku = t.relbase.skus().get(0);
        long product = t.relbase.products().get(sku);
        given().post("/tenants/ca8chg/links/by-sku").then().statusCode(200).body("linked", equalTo(1));
        await().atMost(WAIT).until(() -> IsolatedContext.run(vertx, () -> echo.knowsAny("ca8chg", "relbase"))
                .await().atMost(WAIT));

        sims().relbase().setImage(t.relbase.companyId(), product, "https://fotos.example.cl/ca8chg/antes.jpg");
        await().atMost(WAIT).until(() -> t.storeImages(sku).equals(List.of("https://fotos.example.cl/ca8chg/antes.jpg")));

        sims().relbase().setImage(t.relbase.companyId(), product, "https://fotos.example.cl/ca8chg/despues.jpg");
        await().atMost(WAIT).until(() -> t.storeImages(sku).equals(List.of("https://fotos.example.cl/ca8chg/despues.jpg")));

        sims().relbase().setImage(t.relbase.companyId(), product, null);
        await().atMost(WAIT).until(() -> t.storeImages(sku).isEmpty());
    }

    @Test
    void anErpThatKeepsNoImagesLeavesTheStoresImagesAlone_CA8() { // CA8 with Bsale
        SyncTenant t = SyncTenant.create("ca8bsale", 0, "");
        t.seedErp(SyncTenant.erpProduct("Bufanda", "CA8-BU", "7000"));
        finish(startRun(t.id(), "import"));
        t.storeAddImage(t.storeProduct("CA8-BU").orElseThrow().path("id").asLong(), "https://tienda.example.cl/bufanda.jpg");

        finish(startRun(t.id(), "push")).body("updated", equalTo(1));

        assertThat(t.storeImages("CA8-BU")).containsExactly("https://tienda.example.cl/bufanda.jpg");
    }

    @Test
    void runsOfAnotherTenantAreNotFound() {
        SyncTenant.create("ca3other", 0, "");
        String run = startRun("ca3other", "import");
        String id = run.substring(run.lastIndexOf('/') + 1);
        given().get("/tenants/acme/products/runs/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private boolean known(String tenant, JsonNode storeProduct) {
        var product = mapper.convertValue(storeProduct, JumpsellerCatalogProduct.class);
        return IsolatedContext.run(vertx, () -> echo.known(tenant, JumpsellerProductWriter.snapshot(product, "CLP")))
                .await().atMost(WAIT);
    }

    private static dev.enlace.testing.Simulators sims() {
        return SyncTenant.sims();
    }

    /** Starts an import or push; answers the run's URL (also used by the MoySklad -> inSales tests). */
    static String startRun(String tenant, String what) {
        return given().post("/tenants/" + tenant + "/products/" + what).then().statusCode(202)
                .body("id", notNullValue()).extract().header("Location");
    }

    static ValidatableResponse finish(String run) {
        await().atMost(WAIT).until(() -> List.of("DONE", "FAILED").contains(given().get(run).path("status")));
        return given().get(run).then().statusCode(200).body("status", equalTo("DONE"));
    }
}

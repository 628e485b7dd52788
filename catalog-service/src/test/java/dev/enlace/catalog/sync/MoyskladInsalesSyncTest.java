package dev.enlace.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.insales.mapping.InsalesProductCatalog;
import dev.enlace.connector.moysklad.mapping.MoyskladProductCatalog;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator;
import dev.enlace.events.ProductUpdated;
import dev.enlace.events.Topics;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.MoyskladInsalesTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.StoreSyncTenant;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.enlace.catalog.sync.ErpProductSyncTest.finish;
import static dev.enlace.catalog.sync.ErpProductSyncTest.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Product sync with MoySklad as product master and an inSales store (CA3, CA4 with the ERP as source, CA5, CA7,
 * CA8), against both simulators, each test on a tenant of its own ({@link SkladMaster}).
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class MoyskladInsalesSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaEvents events;

    @Inject
    EchoGuard echo;
    @Inject
    Vertx vertx;
    @Inject
    TenantRegistry tenants;
    @Inject
    InsalesProductCatalog insales;
    @Inject
    MoyskladProductCatalog moysklad;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.CATALOG);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    /** The MoySklad catalogue of each test: ids of the mug (no variants) and the T-shirt (sizes S and M). */
    private record Catalogue(String mug, String shirt, String shirtS) {
    }

    private static Catalogue catalogue(SkladMaster t) {
        String clothes = t.folder("Одежда", null);
        String shirts = t.folder("Футболки", clothes);
        String mugs = t.folder("Кружки", null);
        String mug = t.product("Кружка", "MS-MUG", "<p>Фарфор, 300 мл</p>", mugs, 490, 450);
        t.image(mug, "mug.png");
        String shirt = t.product("Футболка", null, "Хлопок", shirts, 990, 950);
        String small = t.variant(shirt, "MS-TS-S", "S", 990, 950);
        t.variant(shirt, "MS-TS-M", "M", 1090, 1050);
        return new Catalogue(mug, shirt, small);
    }

    @Test
    void moyskladProductsBecomeHiddenInsalesSkeletonsInTheirGroupsLinkedBySku_CA4() {
        SkladMaster t = SkladMaster.create("msca4");
        Catalogue c = catalogue(t);
        t.install("");

        String run = given().contentType("application/json").body(Map.of("source", "ERP"))
                .post("/tenants/msca4/catalog/initial-sync").then().statusCode(202)
                .body("sourceSystem", equalTo("moysklad")).body("targetSystem", equalTo("insales")).extract().path("id");
        float rate = awaitInitialSync("msca4", run).body("total", equalTo(2)).body("created", equalTo(2)).body("failed", equalTo(0))
                .extract().path("productsPerSecond");
        System.out.printf("CA4 MoySklad -> inSales: 2 products (3 variants) as skeletons at %.2f products/s%n", rate);

        JsonNode mug = t.storeProduct("MS-MUG").orElseThrow();
        assertThat(mug.path("title").asText()).isEqualTo("Кружка");
        assertThat(mug.path("description").asText()).isEqualTo("<p>Фарфор, 300 мл</p>");
        assertThat(mug.path("is_hidden").asBoolean()).as("no price yet: hidden").isTrue();
        assertThat(t.collectionPaths(mug)).containsExactly("Кружки");
        assertThat(mug.path("images")).as("a skeleton has no images").isEmpty();
        JsonNode shirt = t.storeProduct("MS-TS-S").orElseThrow();
        assertThat(t.collectionPaths(shirt)).containsExactly("Одежда/Футболки");
        assertThat(shirt.path("variants")).extracting(v -> v.path("sku").asText() + " " + v.path("title").asText())
                .containsExactlyInAnyOrder("MS-TS-S S", "MS-TS-M M");

        given().get("/tenants/msca4/links").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("find { it.sku == 'MS-TS-S' }.erpVariantId", equalTo(c.shirtS()))
                .body("find { it.sku == 'MS-TS-S' }.storeProductId", equalTo(shirt.path("id").asText()))
                .body("find { it.sku == 'MS-MUG' }.erpProductId", equalTo(c.mug()));
        // CA9: MoySklad's field names the inSales product
        assertThat(sims().moysklad().productAttribute(t.account.accountId(), c.mug(), MoyskladInsalesTenant.LINK_ATTRIBUTE))
                .isEqualTo(mug.path("id").asText());
        given().get("/tenants/msca4/catalog/master").then().body("master", equalTo("ERP")).body("runId", equalTo(run));
    }

    @Test
    void importCreatesHiddenInsalesProductsWithVariantsPricesGroupsAndImages_CA3() {
        SkladMaster t = SkladMaster.create("msca3");
        catalogue(t);
        t.install("");

        var run = finish(startRun("msca3", "import")).body("created", equalTo(2)).body("failed", equalTo(0)).extract();
        // the whole run: the MoySklad catalogue read (with the image link) and the two products written
        Duration took = Duration.between(java.time.OffsetDateTime.parse(run.path("startedAt")),
                java.time.OffsetDateTime.parse(run.path("finishedAt")));
        System.out.printf("CA3 MoySklad -> inSales: 2 products (3 variants, 1 image) read and written in %d ms%n", took.toMillis());

        JsonNode mug = t.storeProduct("MS-MUG").orElseThrow();
        assertThat(mug.path("is_hidden").asBoolean()).isTrue();
        assertThat(mug.path("variants").get(0).path("price").asDouble()).isEqualTo(490.0);
        assertThat(mug.path("variants").get(0).path("quantity").asInt()).as("stock comes from stock-service").isZero();
        assertThat(mug.path("images")).extracting(i -> i.path("filename").asText()).containsExactly("mug.png");
        assertThat(t.collectionPaths(mug)).containsExactly("Кружки");
        JsonNode shirt = t.storeProduct("MS-TS-M").orElseThrow();
        assertThat(shirt.path("description").asText()).isEqualTo("Хлопок");
        assertThat(shirt.path("variants")).extracting(v -> v.path("sku").asText() + " " + v.path("price").asDouble())
                .containsExactlyInAnyOrder("MS-TS-S 990.0", "MS-TS-M 1090.0");
        given().get("/tenants/msca3/links").then().body("method.unique()", equalTo(List.of("IMPORT")))
                .body("sku", org.hamcrest.Matchers.containsInAnyOrder("MS-MUG", "MS-TS-S", "MS-TS-M"));
    }

    @Test
    void aMoyskladProductChangeReachesInsalesByWebhookAndPublishesItsFullState_CA5() {
        SkladMaster t = SkladMaster.create("msca5");
        Catalogue c = catalogue(t);
        t.install("");
        finish(startRun("msca5", "import"));
        t.registerProductHooks();

        t.put("/entity/product/" + c.mug(), Map.of("name", "Кружка большая", "description", "400 мл",
                "salePrices", t.prices(590, 550)));

        await().atMost(WAIT).until(() -> t.storeProduct("MS-MUG").orElseThrow().path("title").asText().equals("Кружка большая"));
        JsonNode mug = t.storeProduct("MS-MUG").orElseThrow();
        assertThat(mug.path("description").asText()).isEqualTo("400 мл");
        assertThat(mug.path("variants").get(0).path("price").asDouble()).isEqualTo(590.0);
        assertThat(mug.path("is_hidden").asBoolean()).as("an update never touches visibility").isTrue();
        var updated = events.await(r -> r.key().equals(Topics.key("msca5", "moysklad:" + c.mug()))
                && ProductUpdated.TYPE.equals(r.value().getType())
                && new String(r.value().getData().toBytes()).contains("Кружка большая"), 1, WAIT);
        assertThat(new String(updated.get(0).value().getData().toBytes())).as("the full state, not a diff")
                .contains("\"sku\":\"MS-MUG\"").contains("400 мл").contains("\"amount\":590").contains("Кружки")
                .contains("mug.png");
    }

    @Test
    void aVariantPriceChangeInMoyskladReachesItsInsalesVariant_CA5() {
        SkladMaster t = SkladMaster.create("msca5var");
        Catalogue c = catalogue(t);
        t.install("");
        finish(startRun("msca5var", "import"));
        t.registerProductHooks();

        t.put("/entity/variant/" + c.shirtS(), Map.of("salePrices", t.prices(890, 850)));

        await().atMost(WAIT).until(() -> price(t.storeProduct("MS-TS-S").orElseThrow(), "MS-TS-S") == 890.0);
        assertThat(price(t.storeProduct("MS-TS-M").orElseThrow(), "MS-TS-M")).isEqualTo(1090.0);
    }

    @Test
    void aNewMoyskladProductIsCreatedInInsales_CA5() {
        SkladMaster t = SkladMaster.create("msca5new");
        t.install("");
        t.registerProductHooks();
        String folder = t.folder("Кухня", null);

        String kettle = t.product("Чайник", "MS-KETTLE", "1,7 л", folder, 2490, 2290);

        await().atMost(WAIT).until(() -> t.storeProduct("MS-KETTLE").isPresent());
        JsonNode created = t.storeProduct("MS-KETTLE").orElseThrow();
        assertThat(created.path("title").asText()).isEqualTo("Чайник");
        assertThat(created.path("is_hidden").asBoolean()).isTrue();
        assertThat(created.path("variants").get(0).path("price").asDouble()).isEqualTo(2490.0);
        assertThat(t.collectionPaths(created)).containsExactly("Кухня");
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/msca5new/links").then()
                .body("find { it.sku == 'MS-KETTLE' }.erpProductId", equalTo(kettle))
                .body("find { it.sku == 'MS-KETTLE' }.storeProductId", equalTo(created.path("id").asText())));
    }

    @Test
    void theChosenMoyskladPriceTypeFeedsTheInsalesPrice_CA7() {
        SkladMaster t = SkladMaster.create("msca7");
        catalogue(t);
        t.install("priceList: \"" + SkladMaster.WEB_PRICE + "\"\n");

        finish(startRun("msca7", "import"));

        assertThat(price(t.storeProduct("MS-MUG").orElseThrow(), "MS-MUG")).isEqualTo(450.0);
        assertThat(price(t.storeProduct("MS-TS-S").orElseThrow(), "MS-TS-S")).isEqualTo(950.0);
        assertThat(price(t.storeProduct("MS-TS-M").orElseThrow(), "MS-TS-M")).isEqualTo(1050.0);
    }

    @Test
    void theStorePriceGoesIntoTheChosenMoyskladPriceType_CA7() throws IOException {
        // CA4 inSales -> MoySklad with "Интернет" chosen: the shop's prices land in that price type
        Path staging = Files.createTempDirectory("enlace-ca7-back-");
        StoreSyncTenant.Created created = StoreSyncTenant.create(sims(), staging, "msca7back");
        SkladMaster.addWebPriceType(Files.readString(staging.resolve("secrets/msca7back-moysklad-token")).strip());
        Files.writeString(staging.resolve("msca7back.yaml"), "settings:\n", StandardOpenOption.APPEND);
        SyncTenant.install(staging, "msca7back", "priceList: \"" + SkladMaster.WEB_PRICE + "\"\n");

        String run = given().contentType("application/json").body(Map.of("source", "STORE"))
                .post("/tenants/msca7back/catalog/initial-sync").then().statusCode(202).extract().path("id");
        awaitInitialSync("msca7back", run).body("created", equalTo(3));

        MoyskladSimulator.CatalogProduct white = sims().moysklad().catalog(created.accountId()).stream()
                .filter(p -> "SS-MUG-1".equals(p.article())).findFirst().orElseThrow();
        assertThat(white.pricesByType()).containsEntry(SkladMaster.WEB_PRICE, 49000.0).containsEntry("Цена продажи", 0.0);
    }

    @Test
    void withImagesOffNoPictureIsWrittenToInsales_CA8() {
        SkladMaster t = SkladMaster.create("msca8");
        catalogue(t);
        t.install("syncImages: false\n");

        finish(startRun("msca8", "import")).body("created", equalTo(2));

        assertThat(t.storeProduct("MS-MUG").orElseThrow().path("images")).isEmpty();
    }

    @Test
    void enlacesOwnInsalesWriteIsAnEchoAndMoyskladsProductIsKnown_CA5() {
        // no loops: the store product as Enlace wrote it, and the MoySklad product it came from, are known content,
        // so neither the store's products/update hook nor a MoySklad hook for an unchanged product syncs again
        SkladMaster t = SkladMaster.create("msecho");
        Catalogue c = catalogue(t);
        t.install("");
        finish(startRun("msecho", "import"));
        Tenant tenant = tenants.find("msecho").orElseThrow();
        String storeId = t.storeProduct("MS-MUG").orElseThrow().path("id").asText();

        var store = IsolatedContext.run(vertx, () -> insales.product(tenant.store(), storeId)).await().atMost(WAIT).orElseThrow();
        var erp = IsolatedContext.run(vertx, () -> moysklad.product(ProductPush.erpConnection(tenant), c.mug()))
                .await().atMost(WAIT).orElseThrow();

        assertThat(known("msecho", store)).as("the store's hook after Enlace's write").isTrue();
        assertThat(known("msecho", erp)).as("MoySklad's product read again, with a new image link").isTrue();
        assertThat(erp.imageUrls()).hasSize(1);

        t.put("/entity/product/" + c.mug(), Map.of("name", "Кружка (изменена)"));
        var changed = IsolatedContext.run(vertx, () -> moysklad.product(ProductPush.erpConnection(tenant), c.mug()))
                .await().atMost(WAIT).orElseThrow();
        assertThat(known("msecho", changed)).as("a real change in MoySklad").isFalse();
    }

    private boolean known(String tenant, dev.enlace.events.ProductSnapshot product) {
        return IsolatedContext.run(vertx, () -> echo.known(tenant, product)).await().atMost(WAIT);
    }

    private static double price(JsonNode product, String sku) {
        return StreamSupport.stream(product.path("variants").spliterator(), false)
                .filter(v -> sku.equals(v.path("sku").asText())).findFirst().orElseThrow().path("price").asDouble();
    }

    private static ValidatableResponse awaitInitialSync(String tenant, String run) {
        String path = "/tenants/" + tenant + "/catalog/initial-sync/" + run;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(given().get(path).then().statusCode(200).extract().path("status")));
        return given().get(path).then().statusCode(200).body("status", equalTo("DONE"));
    }

    private static dev.enlace.testing.Simulators sims() {
        return SimulatedTenantResources.simulators();
    }
}

package dev.enlace.catalog.storesync;

import dev.enlace.connector.moysklad.simulator.MoyskladSimulator;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUpdated;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.StoreSyncTenant;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * CA4 inSales -> MoySklad against both simulators: a run started through the API copies the shop's
 * collections and products (name, description, price, image) into MoySklad, links each pair, writes
 * CA9's "inSales product ID", and leaves the store as the tenant's product master.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitialSyncTest {
    private static final String TENANT = "skladsync";
    private static KafkaEvents events;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.CATALOG);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    @Order(1)
    void insalesCatalogueBecomesMoyskladFoldersAndProductsAndTheStoreBecomesMaster() {
        // CA4
        given().when().get("/tenants/" + TENANT + "/catalog/master").then().statusCode(200)
                .body("master", equalTo("ERP")).body("source", equalTo("tenant-file"));

        String runId = given().contentType("application/json").body(Map.of("source", "STORE"))
                .when().post("/tenants/" + TENANT + "/catalog/initial-sync")
                .then().statusCode(202).header("Location", notNullValue())
                .body("status", equalTo("RUNNING")).body("sourceSystem", equalTo("insales"))
                .body("targetSystem", equalTo("moysklad"))
                .extract().path("id");
        ValidatableResponse done = awaitRun(runId);
        done.body("total", equalTo(3)).body("done", equalTo(3)).body("created", equalTo(3)).body("failed", equalTo(0))
                .body("remainingSeconds", equalTo(0)).body("firstDoneAt", notNullValue());
        float rate = done.extract().path("productsPerSecond");
        System.out.printf("CA4 inSales -> MoySklad: 3 products (4 MoySklad products) at %.2f products/s%n", rate);

        StoreSyncTenant.Created tenant = SimulatedTenantResources.skladsync();
        MoyskladSimulator erp = SimulatedTenantResources.simulators().moysklad();
        Map<String, MoyskladSimulator.CatalogProduct> byArticle = erp.catalog(tenant.accountId()).stream()
                .collect(Collectors.toMap(MoyskladSimulator.CatalogProduct::article, Function.identity()));
        assertThat(byArticle).containsOnlyKeys("SS-MUG-1", "SS-MUG-2", "SS-TS-S", "SS-TS-M");

        MoyskladSimulator.CatalogProduct white = byArticle.get("SS-MUG-1");
        assertThat(white.name()).isEqualTo("Кружка белая");
        assertThat(white.description()).isEqualTo("<p>Фарфор, 300 мл</p>");
        assertThat(white.price()).isEqualTo(49000.0);
        assertThat(white.folderPath()).isEqualTo("Кружки");
        assertThat(white.images()).hasSize(1);
        assertThat(byArticle.get("SS-MUG-2").images()).isEmpty();
        assertThat(byArticle.get("SS-MUG-2").price()).isEqualTo(52000.0);
        // a product with two variants: one MoySklad product per variant, named after its option
        assertThat(byArticle.get("SS-TS-M").name()).isEqualTo("Футболка (M)");
        assertThat(byArticle.get("SS-TS-M").price()).isEqualTo(109000.0);
        assertThat(byArticle.get("SS-TS-M").folderPath()).isEqualTo("Футболки");

        // CA9 on products with one variant; Enlace's own link table for all
        assertThat(erp.productAttribute(tenant.accountId(), white.id(), "inSales product ID"))
                .isEqualTo(String.valueOf(tenant.products().get("mug-white").id()));
        assertThat(erp.productAttribute(tenant.accountId(), byArticle.get("SS-TS-S").id(), "inSales product ID")).isNull();
        given().when().get("/tenants/" + TENANT + "/links").then().statusCode(200)
                .body("size()", equalTo(4))
                .body("find { it.sku == 'SS-TS-S' }.storeVariantId",
                        equalTo(String.valueOf(tenant.products().get("shirt").variants().get("SS-TS-S"))))
                .body("find { it.sku == 'SS-TS-S' }.erpProductId", equalTo(byArticle.get("SS-TS-S").id()))
                .body("method.unique()", equalTo(List.of("IMPORT")));

        var linked = events.await(r -> r.key().equals(Topics.key(TENANT, "SS-MUG-1")), 1, Duration.ofSeconds(20));
        assertThat(linked.get(0).value().getType()).isEqualTo(ProductLinked.TYPE);
        String storeRef = "insales:" + tenant.products().get("shirt").id();
        var updated = events.await(r -> r.key().equals(Topics.key(TENANT, storeRef)), 1, Duration.ofSeconds(20));
        assertThat(updated.get(0).value().getType()).isEqualTo(ProductUpdated.TYPE);
        assertThat(new String(updated.get(0).value().getData().toBytes())).contains("SS-TS-M").contains("Футболки");

        given().when().get("/tenants/" + TENANT + "/catalog/master").then().statusCode(200)
                .body("master", equalTo("STORE")).body("source", equalTo("runtime")).body("runId", equalTo(runId));
    }

    @Test
    @Order(2)
    void runningAgainSkipsLinkedProductsAndCreatesNothing() {
        // CA4: a second run (or one after an interruption) only finishes what is missing
        String runId = given().contentType("application/json").body(Map.of("source", "STORE"))
                .when().post("/tenants/" + TENANT + "/catalog/initial-sync").then().statusCode(202).extract().path("id");
        awaitRun(runId).body("created", equalTo(0)).body("skipped", equalTo(3));
        assertThat(SimulatedTenantResources.simulators().moysklad().catalog(SimulatedTenantResources.skladsync().accountId()))
                .hasSize(4);
    }

    @Test
    @Order(3)
    void withTheStoreAsMasterAShopEditReachesMoysklad() throws Exception {
        // CA5 with the store as master (set by the run above): inSales products/update -> MoySklad
        StoreSyncTenant.Created tenant = SimulatedTenantResources.skladsync();
        StoreSyncTenant.ShopApi shop = shopApi(tenant);
        shop.post("/webhooks.json", "webhook", Map.of("address", SimulatedTenantResources.serviceUrl()
                + "/webhooks/insales/" + TENANT + "/" + TENANT + "-insales-hook", "topic", "products/update", "format_type", "json"));
        StoreSyncTenant.StoreProduct black = tenant.products().get("mug-black");
        shop.put("/products/" + black.id() + ".json", "product", Map.of("title", "Кружка чёрная матовая"));
        shop.put("/products/" + black.id() + "/variants/" + black.variants().get("SS-MUG-2") + ".json", "variant",
                Map.of("price", "560.50"));

        MoyskladSimulator erp = SimulatedTenantResources.simulators().moysklad();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MoyskladSimulator.CatalogProduct product = erp.catalog(tenant.accountId()).stream()
                    .filter(p -> "SS-MUG-2".equals(p.article())).findFirst().orElseThrow();
            assertThat(product.name()).isEqualTo("Кружка чёрная матовая");
            assertThat(product.price()).isEqualTo(56050.0);
        });
        assertThat(erp.catalog(tenant.accountId())).hasSize(4);
    }

    @Test
    void sourceIsRequired() {
        given().contentType("application/json").body("{}").when().post("/tenants/" + TENANT + "/catalog/initial-sync")
                .then().statusCode(400);
    }

    @Test
    void unknownRunIsNotFound() {
        given().when().get("/tenants/" + TENANT + "/catalog/initial-sync/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static StoreSyncTenant.ShopApi shopApi(StoreSyncTenant.Created tenant) {
        var credentials = SimulatedTenantResources.simulators().insales().credentials(tenant.shop());
        return new StoreSyncTenant.ShopApi(SimulatedTenantResources.simulators().insalesUrl() + credentials.apiBase(),
                credentials.apiKey(), credentials.password());
    }

    private static ValidatableResponse awaitRun(String runId) {
        String path = "/tenants/" + TENANT + "/catalog/initial-sync/" + runId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(given().when().get(path).then().statusCode(200).extract().path("status")));
        return given().when().get(path).then().statusCode(200).body("status", equalTo("DONE"));
    }
}

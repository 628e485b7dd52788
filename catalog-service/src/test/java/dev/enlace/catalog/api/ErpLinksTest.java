package dev.enlace.catalog.api;

import dev.enlace.connector.insales.simulator.InsalesAdmin;
import dev.enlace.connector.moysklad.simulator.MoyskladSeed;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.MoyskladInsalesTenant;
import dev.enlace.testing.MoyskladTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * CA9 against the MoySklad and inSales simulators, on tenant {@code skladshop}: links kept in
 * MoySklad's product field "inSales product ID" are read back into Enlace, and every link made or
 * removed in Enlace is written there.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class ErpLinksTest {
    private static final String TENANT = "skladshop";
    private static KafkaEvents events;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.CATALOG);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private static MoyskladInsalesTenant.Created tenant() {
        return SimulatedTenantResources.skladShop();
    }

    private static Object fieldOf(String sku) {
        return SimulatedTenantResources.simulators().moysklad().productAttribute(tenant().accountId(),
                tenant().erpProducts().get(sku), MoyskladInsalesTenant.LINK_ATTRIBUTE);
    }

    private static List<Map<String, Object>> links() {
        return given().queryParam("size", 1000).when().get("/tenants/" + TENANT + "/links").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> awaitStartupLinks() {
        List<String> keptInErp = tenant().skus().subList(0, tenant().linkedInErp());
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> links().stream()
                .filter(l -> keptInErp.contains(l.get("sku"))).toList(), found -> found.size() == keptInErp.size());
    }

    private static long linkByHand(String sku) {
        InsalesAdmin.SeededProduct store = tenant().storeProducts().get(sku);
        return given().contentType(ContentType.JSON)
                .body(Map.of("erp", Map.of("variantId", tenant().erpProducts().get(sku)),
                        "store", Map.of("productId", String.valueOf(store.productId()),
                                "variantId", String.valueOf(store.variantIds().get(0)))))
                .when().post("/tenants/" + TENANT + "/links").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void linksKeptInMoyskladAreRecreatedWhenTheServiceStarts() { // CA9
        List<Map<String, Object>> recreated = awaitStartupLinks();
        for (Map<String, Object> link : recreated) {
            InsalesAdmin.SeededProduct store = tenant().storeProducts().get((String) link.get("sku"));
            assertThat(link.get("method")).isEqualTo("EXTERNAL_ID");
            assertThat(link.get("erpProductId")).isEqualTo(tenant().erpProducts().get((String) link.get("sku")));
            assertThat(link.get("storeProductId")).isEqualTo(String.valueOf(store.productId()));
            assertThat(link.get("storeVariantId")).isEqualTo(String.valueOf(store.variantIds().get(0)));
        }
        String sku = tenant().skus().get(0);
        var linked = events.await(r -> r.key().equals(Topics.key(TENANT, sku))
                && r.value().getType().equals(ProductLinked.TYPE), 1, Duration.ofSeconds(20));
        assertThat(linked).hasSize(1);
        assertThat(new String(linked.get(0).value().getData().toBytes())).contains("\"method\":\"EXTERNAL_ID\"");
    }

    @Test
    void linkMadeByHandIsWrittenToMoyskladsField() { // CA9
        String sku = tenant().skus().get(3);
        assertThat(fieldOf(sku)).isNull();
        linkByHand(sku);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fieldOf(sku))
                .isEqualTo(String.valueOf(tenant().storeProducts().get(sku).productId())));
    }

    @Test
    void unlinkClearsMoyskladsField() { // CA9
        String sku = tenant().skus().get(4);
        long id = linkByHand(sku);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fieldOf(sku)).isNotNull());
        given().when().delete("/tenants/" + TENANT + "/links/" + id).then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fieldOf(sku)).isNull());
    }

    @Test
    void linkAddedInMoyskladIsReadBackOnDemand() { // CA9
        awaitStartupLinks();
        String sku = "SKLADSHOP-NEW";
        var store = SimulatedTenantResources.simulators().insales().seed(tenant().shop(), List.of(
                new InsalesAdmin.ProductSeed("Новый товар", List.of(
                        new InsalesAdmin.VariantSeed(sku, "Единый", new BigDecimal("500"), 1))))).get(0);
        String erpProduct = SimulatedTenantResources.simulators().moysklad().seed(tenant().accountId(), new MoyskladSeed(
                List.of(), List.of(new MoyskladSeed.Product("Новый товар", sku, null, null, 50000.0,
                        Map.of(MoyskladInsalesTenant.LINK_ATTRIBUTE, String.valueOf(store.productId())),
                        Map.of(MoyskladTenant.MAIN, 1.0), null, null)))).productIds().get(0);

        given().when().post("/tenants/" + TENANT + "/links/from-erp").then().statusCode(200)
                .body("linked", equalTo(1));
        assertThat(links()).filteredOn(l -> sku.equals(l.get("sku"))).singleElement().satisfies(l -> {
            assertThat(l.get("method")).isEqualTo("EXTERNAL_ID");
            assertThat(l.get("erpVariantId")).isEqualTo(erpProduct);
            assertThat(l.get("storeVariantId")).isEqualTo(String.valueOf(store.variantIds().get(0)));
        });
        assertThat(events.await(r -> r.key().equals(Topics.key(TENANT, sku))
                && r.value().getType().equals(ProductLinked.TYPE), 1, Duration.ofSeconds(20))).hasSize(1);
        given().when().post("/tenants/" + TENANT + "/links/from-erp").then().statusCode(200)
                .body("linked", equalTo(0));
    }

    @Test
    void erpWithoutAnExternalIdFieldCannotBeReadBack() { // CA9: Bsale keeps links only in Enlace
        given().when().post("/tenants/acme/links/from-erp").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("ErpProductLinks"));
    }
}

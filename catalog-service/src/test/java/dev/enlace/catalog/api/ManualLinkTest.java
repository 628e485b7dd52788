package dev.enlace.catalog.api;

import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUnlinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * CA2 against the Bsale and Jumpseller simulators, on tenant {@code manualdocs} (nothing linked by
 * SKU there): the two lists, link and unlink by hand, and the errors.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class ManualLinkTest {
    private static final String TENANT = "manualdocs";
    private static KafkaEvents events;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.CATALOG);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private static DemoTenant.Created tenant() {
        return SimulatedTenantResources.tenant(TENANT);
    }

    private static String erpVariant(int index) {
        return String.valueOf(tenant().bsaleVariants().get(tenant().skus().get(index)));
    }

    /** The store variant with this SKU, as the store list shows it: productId and variantId (null without variants). */
    private static Map<String, Object> storeVariant(int index) {
        return given().queryParam("sku", tenant().skus().get(index)).when().get("/tenants/" + TENANT + "/variants/store")
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath().getMap("items[0]");
    }

    private static Map<String, Object> body(int erpIndex, int storeIndex) {
        return Map.of("erp", Map.of("variantId", erpVariant(erpIndex)), "store", storeVariantBody(storeIndex));
    }

    private static long link(int erpIndex, int storeIndex) {
        return given().contentType(ContentType.JSON).body(body(erpIndex, storeIndex))
                .when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void erpListOfABranchShowsEachVariantWithItsStockThere() { // CA2
        String sku = tenant().skus().get(6);
        double inWarehouse = given().queryParam("office", DemoTenant.WAREHOUSE).queryParam("sku", sku)
                .when().get("/tenants/" + TENANT + "/variants/erp")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].variantId", equalTo(erpVariant(6)))
                .body("items[0].linked", equalTo(false))
                .extract().jsonPath().getDouble("items[0].stock");
        assertThat(inWarehouse).isEqualTo(5.0);
        // DemoTenant: office 1 holds 10 + i % 7 of product i
        double inOffice = given().queryParam("office", DemoTenant.OFFICE).queryParam("sku", sku)
                .when().get("/tenants/" + TENANT + "/variants/erp")
                .then().statusCode(200).extract().jsonPath().getDouble("items[0].stock");
        assertThat(inOffice).isEqualTo(10 + 7 % 7);
    }

    @Test
    void listsArePagedBySku() { // CA2
        String first = given().queryParam("size", 3).when().get("/tenants/" + TENANT + "/variants/erp")
                .then().statusCode(200)
                .body("items", hasSize(3)).body("page", equalTo(0)).body("size", equalTo(3))
                .body("total", equalTo(tenant().skus().size()))
                .extract().path("items[0].sku");
        given().queryParam("size", 3).queryParam("page", 1).when().get("/tenants/" + TENANT + "/variants/erp")
                .then().statusCode(200).body("items", hasSize(3)).body("items.sku", not(org.hamcrest.Matchers.hasItem(first)));
        given().queryParam("size", 0).when().get("/tenants/" + TENANT + "/variants/store")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void storeListShowsOneProductsVariants() { // CA2
        // DemoTenant: product 3 of the store has one variant, product 2 none
        Map<String, Object> withVariant = storeVariant(2);
        given().queryParam("productId", withVariant.get("productId")).when().get("/tenants/" + TENANT + "/variants/store")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items.productId", everyItem(equalTo(withVariant.get("productId"))))
                .body("items[0].sku", equalTo(tenant().skus().get(2)))
                .body("items[0].variantId", not(nullValue()));
        given().queryParam("productId", storeVariant(1).get("productId")).when().get("/tenants/" + TENANT + "/variants/store")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].sku", equalTo(tenant().skus().get(1)))
                .body("items[0].variantId", nullValue());
    }

    @Test
    void linkByHandIsAnnouncedAsProductLinkedWithMethodManual() { // CA2
        String sku = tenant().skus().get(0);
        Map<String, Object> store = storeVariant(0);
        given().contentType(ContentType.JSON).body(body(0, 0))
                .when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(201)
                .header("Location", containsString("/tenants/" + TENANT + "/links/"))
                .body("method", equalTo("MANUAL")).body("sku", equalTo(sku))
                .body("erpVariantId", equalTo(erpVariant(0)));

        var linked = events.await(r -> r.key().equals(Topics.key(TENANT, sku))
                && r.value().getType().equals(ProductLinked.TYPE), 1, Duration.ofSeconds(20));
        assertThat(linked).hasSize(1);
        assertThat(new String(linked.get(0).value().getData().toBytes())).contains("\"method\":\"MANUAL\"")
                .contains("\"variantId\":\"" + erpVariant(0) + "\"");
        given().queryParam("sku", sku).when().get("/tenants/" + TENANT + "/variants/erp").then().statusCode(200)
                .body("items[0].linked", equalTo(true))
                .body("items[0].method", equalTo("MANUAL"))
                .body("items[0].linkedTo.productId", equalTo(store.get("productId")));
        given().queryParam("sku", sku).when().get("/tenants/" + TENANT + "/variants/store").then().statusCode(200)
                .body("items[0].linked", equalTo(true))
                .body("items[0].linkedTo.variantId", equalTo(erpVariant(0)));
    }

    @Test
    void unlinkIsAnnouncedAsProductUnlinkedAndFreesBothSides() { // CA2
        String sku = tenant().skus().get(1);
        long id = link(1, 1);
        given().when().delete("/tenants/" + TENANT + "/links/" + id).then().statusCode(204);

        var unlinked = events.await(r -> r.key().equals(Topics.key(TENANT, sku))
                && r.value().getType().equals(ProductUnlinked.TYPE), 1, Duration.ofSeconds(20));
        assertThat(unlinked).hasSize(1);
        assertThat(new String(unlinked.get(0).value().getData().toBytes())).contains("\"reason\":\"unlinked by hand\"");
        given().when().get("/tenants/" + TENANT + "/links/" + id).then().statusCode(404);
        given().queryParam("sku", sku).when().get("/tenants/" + TENANT + "/variants/store").then().statusCode(200)
                .body("items[0].linked", equalTo(false));
        link(1, 1); // both sides are free again
        given().when().delete("/tenants/" + TENANT + "/links/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(String.valueOf(id)));
    }

    @Test
    void linkingAVariantLinkedAlreadyIsAConflict() { // CA2
        link(2, 2);
        given().contentType(ContentType.JSON).body(body(2, 3)).when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ERP variant is already linked"));
        given().contentType(ContentType.JSON).body(body(3, 2)).when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("store variant is already linked"));
    }

    @Test
    void unknownVariantIsNotFound() { // CA2
        given().contentType(ContentType.JSON)
                .body(Map.of("erp", Map.of("variantId", "999999"), "store", storeVariantBody(4)))
                .when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("999999"));
        given().contentType(ContentType.JSON)
                .body(Map.of("erp", Map.of("variantId", erpVariant(4)), "store", Map.of("productId", "424242")))
                .when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("424242"));
    }

    @Test
    void bodyWithoutBothVariantsIsABadRequest() { // CA2
        given().contentType(ContentType.JSON).body(Map.of("erp", Map.of("variantId", erpVariant(5))))
                .when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("store"));
        given().contentType(ContentType.JSON).body(Map.of("erp", Map.of(), "store", storeVariantBody(5)))
                .when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("variantId"));
        given().contentType(ContentType.JSON).body("{\"erp\": ").when().post("/tenants/" + TENANT + "/links")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Map<String, Object> storeVariantBody(int index) {
        Map<String, Object> store = storeVariant(index);
        return store.get("variantId") == null ? Map.of("productId", store.get("productId"))
                : Map.of("productId", store.get("productId"), "variantId", store.get("variantId"));
    }
}

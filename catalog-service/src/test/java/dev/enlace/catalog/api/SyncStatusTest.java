package dev.enlace.catalog.api;

import dev.enlace.catalog.domain.SyncStatus;
import dev.enlace.connector.insales.simulator.InsalesAdmin;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.testing.InsalesTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * CA10 against the Bsale and inSales simulators, on tenant {@code shop}: each variant is Synced,
 * Not linked or Error, filterable and paged. Errors are recorded the way product sync records them.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class SyncStatusTest {
    private static final String TENANT = "shop";

    @Inject
    FailureRecords failures;

    private static InsalesTenant.Created tenant() {
        return SimulatedTenantResources.insalesShop();
    }

    private static void linkBySku() {
        given().when().post("/tenants/" + TENANT + "/links/by-sku").then().statusCode(200);
    }

    @Test
    void linkedVariantIsSynced() { // CA10
        linkBySku();
        String sku = tenant().skus().get(0);
        given().queryParam("sku", sku).when().get("/tenants/" + TENANT + "/sync-status").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("SYNCED"))
                .body("items[0].erp.variantId", equalTo(String.valueOf(tenant().bsaleVariants().get(sku))))
                .body("items[0].store.productId", equalTo(String.valueOf(tenant().storeProducts().get(sku).productId())))
                .body("items[0].lastError", nullValue());
    }

    @Test
    void variantSeenOnOneSideOnlyIsNotLinked() { // CA10
        String sku = "SHOP-STORE-ONLY";
        SimulatedTenantResources.simulators().insales().seed(tenant().shop(), List.of(new InsalesAdmin.ProductSeed(
                "Solo en la tienda", List.of(new InsalesAdmin.VariantSeed(sku, "Единый", new BigDecimal("100"), 1)))));
        linkBySku();
        given().queryParam("status", "NOT_LINKED").when().get("/tenants/" + TENANT + "/sync-status").then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("NOT_LINKED")))
                .body("items.find { it.sku == '" + sku + "' }.store.system", equalTo("insales"))
                .body("items.find { it.sku == '" + sku + "' }.erp", nullValue());
        given().queryParam("status", "SYNCED").queryParam("sku", sku).when().get("/tenants/" + TENANT + "/sync-status")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void openProductSyncFailureMakesItAnErrorWithTheReasonAndWhen() { // CA10
        linkBySku();
        String sku = tenant().skus().get(1);
        String reference = "insales:" + tenant().storeProducts().get(sku).productId();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        failures.record(TENANT, SyncStatus.FAILURE_KIND, reference, "inSales refused the price: 422", "{}")
                .await().indefinitely();

        String errorAt = given().queryParam("status", "ERROR").when().get("/tenants/" + TENANT + "/sync-status").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].sku", equalTo(sku))
                .body("items[0].lastError", equalTo("inSales refused the price: 422"))
                .body("items[0].errorAt", not(nullValue()))
                .extract().path("items[0].errorAt");
        assertThat(OffsetDateTime.parse(errorAt)).isAfter(before);

        failures.resolve(TENANT, SyncStatus.FAILURE_KIND, reference).await().indefinitely();
        given().queryParam("sku", sku).when().get("/tenants/" + TENANT + "/sync-status").then().statusCode(200)
                .body("items[0].status", equalTo("SYNCED")).body("items[0].lastError", nullValue());
    }

    @Test
    void statusListIsPaged() { // CA10
        linkBySku();
        long total = given().queryParam("size", 2).when().get("/tenants/" + TENANT + "/sync-status").then()
                .statusCode(200).body("items", hasSize(2)).extract().jsonPath().getLong("total");
        assertThat(total).isGreaterThanOrEqualTo(tenant().skus().size());
        given().queryParam("size", 2).queryParam("page", 1000).when().get("/tenants/" + TENANT + "/sync-status").then()
                .statusCode(200).body("items", hasSize(0));
        given().queryParam("status", "BROKEN").when().get("/tenants/" + TENANT + "/sync-status").then()
                .statusCode(400).contentType("application/problem+json");
    }
}

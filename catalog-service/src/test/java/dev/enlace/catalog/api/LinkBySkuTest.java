package dev.enlace.catalog.api;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** CA1 against the Bsale and Jumpseller simulators: unique SKUs link, repeated ones are reported. */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class LinkBySkuTest {
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
    void skuUniqueOnBothSidesIsLinkedAndAnnouncedAsProductLinked() {
        DemoTenant.Created acme = SimulatedTenantResources.tenant("acme");
        int linked = given().when().post("/tenants/acme/links/by-sku").then().statusCode(200)
                .body("erpVariants", equalTo(acme.skus().size()))
                .body("storeVariants", equalTo(acme.skus().size()))
                .extract().path("linked");
        assertThat(linked).isLessThanOrEqualTo(acme.skus().size());

        for (String sku : acme.skus()) {
            var record = events.await(r -> r.key().equals(Topics.key("acme", sku)), 1, Duration.ofSeconds(20));
            assertThat(record).as("ProductLinked for " + sku).hasSize(1);
            assertThat(record.get(0).value().getType()).isEqualTo(ProductLinked.TYPE);
            assertThat(new String(record.get(0).value().getData().toBytes())).contains("\"method\":\"SKU\"");
        }
        given().when().get("/tenants/acme/links").then().statusCode(200)
                .body("size()", equalTo(acme.skus().size()))
                .body("sku", hasItem(acme.skus().get(0)));
    }

    @Test
    void linkingAgainCreatesNoSecondLinkAndNoEvent() {
        given().when().post("/tenants/presale/links/by-sku").then().statusCode(200);
        int total = SimulatedTenantResources.tenant("presale").skus().size();
        given().when().post("/tenants/presale/links/by-sku").then().statusCode(200)
                .body("linked", equalTo(0)).body("alreadyLinked", equalTo(total));
        String sku = SimulatedTenantResources.tenant("presale").skus().get(0);
        assertThat(events.settle(r -> r.key().equals(Topics.key("presale", sku)), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void skuRepeatedInTheStoreIsNeverAutoLinkedAndIsReportedWithItsCandidates() {
        DemoTenant.Created tenant = SimulatedTenantResources.tenant("allstock");
        String repeated = tenant.skus().get(2);
        SimulatedTenantResources.simulators().jumpseller().seedProducts(tenant.storeCode(), List.of(
                new JumpsellerAdmin.ProductSeed("Copia", repeated, 1000.0, 1, false, "available", List.of())));

        given().when().post("/tenants/allstock/links/by-sku").then().statusCode(200)
                .body("ambiguous.sku", hasItem(repeated))
                .body("ambiguous.find { it.sku == '" + repeated + "' }.storeCandidates.size()", equalTo(2))
                .body("ambiguous.find { it.sku == '" + repeated + "' }.erpCandidates.size()", equalTo(1));
        given().when().get("/tenants/allstock/links").then().statusCode(200)
                .body("findAll { it.sku == '" + repeated + "' }.size()", equalTo(0));
    }

    @Test
    void unknownTenantIsNotFound() {
        given().when().post("/tenants/nobody/links/by-sku").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("nobody"));
    }
}

package dev.enlace.catalog.api;

import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.messaging.CatalogReads;
import dev.enlace.catalog.messaging.Linking;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.connector.bsale.simulator.BsaleSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/** CA1 against the Bsale and Jumpseller simulators: unique SKUs link, repeated ones are reported. */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class LinkBySkuTest {
    private static KafkaEvents events;

    @Inject
    TenantRegistry registry;
    @Inject
    CatalogReads reads;
    @Inject
    Linking linking;
    @Inject
    Vertx vertx;

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
    void skuRepeatedInTheErpIsNeverAutoLinkedAndIsReportedWithBothSidesCandidates() { // CA1
        DemoTenant.Created tenant = SimulatedTenantResources.tenant("docs");
        String repeated = "DOCS-TWICE";
        List<Long> copies = SimulatedTenantResources.simulators().bsale().seed(tenant.cpnId(), new BsaleSeed(List.of(),
                List.of(copy(repeated, "Original"), copy(repeated, "Copia")))).variantIds();
        SimulatedTenantResources.simulators().jumpseller().seedProducts(tenant.storeCode(), List.of(
                new JumpsellerAdmin.ProductSeed("Original", repeated, 1000.0, 1, false, "available", List.of())));

        String ambiguous = "ambiguous.find { it.sku == '" + repeated + "' }";
        given().when().post("/tenants/docs/links/by-sku").then().statusCode(200)
                .body(ambiguous + ".erpCandidates.ref.variantId",
                        containsInAnyOrder(copies.stream().map(String::valueOf).toArray()))
                .body(ambiguous + ".erpCandidates.sku", everyItem(equalTo(repeated)))
                .body(ambiguous + ".storeCandidates.size()", equalTo(1))
                .body(ambiguous + ".storeCandidates[0].ref.system", equalTo("jumpseller"))
                .body(ambiguous + ".storeCandidates[0].sku", equalTo(repeated));
        given().when().get("/tenants/docs/links?size=1000").then().statusCode(200)
                .body("findAll { it.sku == '" + repeated + "' }.size()", equalTo(0));
    }

    private static BsaleSeed.Product copy(String sku, String name) {
        return new BsaleSeed.Product(name, null, 0, 1, 0, List.of(new BsaleSeed.Variant(sku, null, name, 0, 0, 9990.0,
                Map.of(DemoTenant.OFFICE, 1.0))));
    }

    @Test
    void everyVariantOfAProductWithSeveralIsLinkedBySku() { // CA1: across all variants
        DemoTenant.Created tenant = SimulatedTenantResources.tenant("docs");
        List<String> sizes = List.of("S", "M", "L");
        var bsale = SimulatedTenantResources.simulators().bsale().seed(tenant.cpnId(), new BsaleSeed(List.of(), List.of(
                new BsaleSeed.Product("Polera", null, 0, 1, 0, sizes.stream().map(size -> new BsaleSeed.Variant(
                        "POLERA-" + size, null, size, 0, 0, 9990.0, Map.of(DemoTenant.OFFICE, 3.0))).toList()))));
        SimulatedTenantResources.simulators().jumpseller().seedProducts(tenant.storeCode(), List.of(
                new JumpsellerAdmin.ProductSeed("Polera", null, 9990.0, 0, false, "available", sizes.stream()
                        .map(size -> new JumpsellerAdmin.VariantSeed("POLERA-" + size, 9990.0, 3, false, "Talla", size))
                        .toList())));

        given().when().post("/tenants/docs/links/by-sku").then().statusCode(200);
        List<Map<String, Object>> links = given().when().get("/tenants/docs/links?size=1000").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.sku.startsWith('POLERA-') }");
        assertThat(links).extracting(l -> l.get("erpVariantId"))
                .containsExactlyInAnyOrderElementsOf(bsale.variantIds().stream().map(String::valueOf).toList());
        assertThat(links).extracting(l -> l.get("storeProductId")).containsOnly(links.get(0).get("storeProductId"));
        assertThat(links).extracting(l -> l.get("storeVariantId")).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aRunCutShortAfterItsFirstChunkIsCompletedByTheNextWithoutDuplicates() throws Exception { // CA1
        int products = Linking.CHUNK + 100;
        Path tenants = Path.of(ConfigProvider.getConfig().getValue("enlace.tenants.directory", String.class));
        DemoTenant.create(SimulatedTenantResources.simulators(), tenants, "chunked", new DemoTenant.Options(products,
                false, List.of(DemoTenant.OFFICE), SimulatedTenantResources.serviceUrl()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tenants/chunked/links").statusCode() == 200);
        // what a run that died after committing its first chunk leaves behind
        Tenant tenant = registry.find("chunked").orElseThrow();
        IsolatedContext.run(vertx, () -> Uni.combine().all().unis(reads.read(tenant, Side.ERP), reads.read(tenant, Side.STORE))
                .asTuple().chain(both -> linking.linkAll(tenant, SkuMatcher.match(both.getItem1(), both.getItem2()).pairs()
                        .subList(0, Linking.CHUNK), LinkMethod.SKU))).await().atMost(Duration.ofSeconds(60));

        given().when().post("/tenants/chunked/links/by-sku").then().statusCode(200)
                .body("linked", equalTo(products - Linking.CHUNK)).body("alreadyLinked", equalTo(Linking.CHUNK));

        given().when().get("/tenants/chunked/links?size=1000").then().statusCode(200).body("size()", equalTo(products));
        events.await(r -> r.key().startsWith("chunked/"), products, Duration.ofSeconds(60));
        var linked = events.settle(r -> r.key().startsWith("chunked/"), Duration.ofSeconds(2));
        assertThat(linked).extracting(ConsumerRecord::key).as("one ProductLinked per link").hasSize(products)
                .doesNotHaveDuplicates();
    }

    @Test
    void unknownTenantIsNotFound() {
        given().when().post("/tenants/nobody/links/by-sku").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("nobody"));
    }
}

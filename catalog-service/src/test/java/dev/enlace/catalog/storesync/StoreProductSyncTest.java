package dev.enlace.catalog.storesync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.relbase.simulator.RelbaseSimulator;
import dev.enlace.events.ProductUpdated;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.RelbaseTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * CA6 Jumpseller -> relBase against both simulators: the store's signed product hooks reach
 * catalog-service, which pushes name, price, SKU and (only where relBase has none) the image, links
 * new products, publishes ProductUpdated, drops changes that are not product changes, and records
 * failed pushes as product-sync failures.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreProductSyncTest {
    private static final String TENANT = "relsync";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
    void storeEditsStayInTheStoreWhileTheErpIsMaster() throws Exception {
        // CA5/CA6: the tenant file's default master is the ERP
        registerHooks();
        given().when().post("/tenants/" + TENANT + "/links/by-sku").then().statusCode(200).body("linked", equalTo(3));
        long productId = storeProductId(0);
        store("PUT", "/products/" + productId + ".json", Map.of("product", Map.of("name", "Cambio ignorado")));
        assertThat(events.settle(r -> r.key().equals(Topics.key(TENANT, "jumpseller:" + productId)), Duration.ofSeconds(3)))
                .isEmpty();
        assertThat(relbaseProduct(0).get("name").asText()).isEqualTo("Producto 1");
    }

    @Test
    @Order(2)
    void storeProductChangeUpdatesTheLinkedRelbaseProductAndPublishesProductUpdated() throws Exception {
        // CA6
        given().contentType("application/json").body(Map.of("master", "STORE")).when()
                .put("/tenants/" + TENANT + "/catalog/master").then().statusCode(200)
                .body("master", equalTo("STORE")).body("source", equalTo("runtime"));
        long productId = storeProductId(1);
        store("PUT", "/products/" + productId + ".json", Map.of("product",
                Map.of("name", "Producto 2 renovado", "price", 12990, "description", "<p>Nuevo</p>")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode erp = relbaseProduct(1);
            assertThat(erp.get("name").asText()).isEqualTo("Producto 2 renovado");
            assertThat(erp.get("price").decimalValue()).isEqualByComparingTo("12990");
            assertThat(erp.get("description").asText()).isEqualTo("<p>Nuevo</p>");
            assertThat(erp.get("code").asText()).isEqualTo(tenant().skus().get(1));
        });
        var updated = events.await(r -> r.key().equals(Topics.key(TENANT, "jumpseller:" + productId)), 1, Duration.ofSeconds(20));
        assertThat(updated.get(0).value().getType()).isEqualTo(ProductUpdated.TYPE);
        assertThat(new String(updated.get(0).value().getData().toBytes(), StandardCharsets.UTF_8))
                .contains("Producto 2 renovado").contains("12990");
    }

    @Test
    @Order(3)
    void stockChangeInTheStoreIsNotAProductChange() throws Exception {
        // no loops: Enlace's own stock writes fire product_updated; the content did not change, nothing is pushed
        long productId = storeProductId(1);
        String sku = tenant().skus().get(1);
        SimulatedTenantResources.simulators().jumpseller().setStock(tenant().storeCode(), sku, 3);
        assertThat(events.settle(r -> r.key().equals(Topics.key(TENANT, "jumpseller:" + productId)), Duration.ofSeconds(3)))
                .as("only the ProductUpdated of the real change").hasSize(1);
    }

    @Test
    @Order(4)
    void newStoreProductIsCreatedInRelbaseWithItsImageAndLinked() throws Exception {
        // CA6: created in relBase, image included because the new product has none
        JsonNode created = store("POST", "/products.json", Map.of("product",
                Map.of("name", "Gorro de lana", "price", 5990, "sku", "RELSYNC-NEW-1", "description", "Abrigador")));
        long productId = created.get("product").get("id").asLong();
        store("POST", "/products/" + productId + "/images.json",
                Map.of("image", Map.of("url", "https://cdn.example.cl/gorro.jpg", "position", 1)));

        RelbaseSimulator relbase = SimulatedTenantResources.simulators().relbase();
        long company = tenant().companyId();
        // the simulator's lookup throws until the product exists
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(IllegalArgumentException.class).untilAsserted(() -> {
            JsonNode erp = relbase.product(company, relbase.productId(company, "RELSYNC-NEW-1"));
            assertThat(erp.get("name").asText()).isEqualTo("Gorro de lana");
            assertThat(erp.get("price").decimalValue()).isEqualByComparingTo("5990");
            assertThat(erp.get("url_image").asText()).isEqualTo("https://cdn.example.cl/gorro.jpg");
        });
        given().when().get("/tenants/" + TENANT + "/links").then().statusCode(200)
                .body("find { it.sku == 'RELSYNC-NEW-1' }.storeProductId", equalTo(String.valueOf(productId)))
                .body("find { it.sku == 'RELSYNC-NEW-1' }.method", equalTo("IMPORT"));

        // a second image does not replace the one relBase already has
        store("POST", "/products/" + productId + "/images.json",
                Map.of("image", Map.of("url", "https://cdn.example.cl/gorro-2.jpg", "position", 1)));
        store("PUT", "/products/" + productId + ".json", Map.of("product", Map.of("name", "Gorro de lana merino")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode erp = relbase.product(company, relbase.productId(company, "RELSYNC-NEW-1"));
            assertThat(erp.get("name").asText()).isEqualTo("Gorro de lana merino");
            assertThat(erp.get("url_image").asText()).isEqualTo("https://cdn.example.cl/gorro.jpg");
        });
    }

    @Test
    @Order(5)
    void failedPushIsRecordedAndResolvedByTheNextSuccess() throws Exception {
        // OP3: kind product-sync, reference <system>:<productId>
        RelbaseSimulator relbase = SimulatedTenantResources.simulators().relbase();
        long productId = storeProductId(2);
        String reference = "jumpseller:" + productId;
        // relBase refuses the code: another relBase product holds it
        JsonNode created = store("POST", "/products.json", Map.of("product",
                Map.of("name", "Duplicado", "price", 100, "sku", tenant().skus().get(0))));
        String duplicate = "jumpseller:" + created.get("product").get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when()
                .get("/failures?tenant=" + TENANT + "&status=OPEN").then().statusCode(200)
                .body("findAll { it.kind == 'product-sync' }.reference", hasItem(duplicate)));

        relbase.setFaults(tenant().companyId(), 1.0, 502);
        long failureId;
        try {
            store("PUT", "/products/" + productId + ".json", Map.of("product", Map.of("name", "Producto 3 bis")));
            failureId = await().atMost(Duration.ofSeconds(60)).until(() -> openFailure(reference), id -> id != null);
        } finally {
            relbase.setFaults(tenant().companyId(), 0, 502);
        }
        // retried by hand once relBase answers again: pushed, and resolved by that success
        given().when().post("/failures/" + failureId + "/retry").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(relbaseProduct(2).get("name").asText()).isEqualTo("Producto 3 bis");
            given().when().get("/failures/" + failureId).then().statusCode(200).body("status", equalTo("RESOLVED"));
        });
    }

    private static Long openFailure(String reference) {
        List<Map<String, Object>> open = given().when().get("/failures?tenant=" + TENANT + "&status=OPEN").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return open.stream().filter(f -> "product-sync".equals(f.get("kind")) && reference.equals(f.get("reference")))
                .map(f -> ((Number) f.get("id")).longValue()).findFirst().orElse(null);
    }

    private static RelbaseTenant.Created tenant() {
        return SimulatedTenantResources.relsync();
    }

    private static JsonNode relbaseProduct(int index) {
        return SimulatedTenantResources.simulators().relbase().product(tenant().companyId(),
                tenant().products().get(tenant().skus().get(index)));
    }

    private static long storeProductId(int index) throws Exception {
        JsonNode found = store("GET", "/products/search.json?query=" + tenant().skus().get(index) + "&fields=sku", null);
        return found.get(0).get("product").get("id").asLong();
    }

    /** product_created and product_updated to catalog-service, as the merchant (or OP4) registers them. */
    private static void registerHooks() throws Exception {
        String url = SimulatedTenantResources.serviceUrl() + "/webhooks/jumpseller/" + TENANT;
        for (String event : List.of("product_created", "product_updated")) {
            store("POST", "/hooks.json", Map.of("hook", Map.of("event", event, "url", url)));
        }
    }

    private static JsonNode store(String method, String path, Object body) throws IOException, InterruptedException {
        JumpsellerAdmin.StoreCredentials c = SimulatedTenantResources.simulators().jumpseller().credentials(tenant().storeCode());
        String auth = Base64.getEncoder().encodeToString((c.login() + ":" + c.authtoken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(SimulatedTenantResources.simulators().jumpsellerUrl() + "/v1" + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}

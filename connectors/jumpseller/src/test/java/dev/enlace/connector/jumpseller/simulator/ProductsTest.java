package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.CatalogSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ProductSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.VariantSeed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductsTest extends SimulatorTest {

    private JsonNode create(String json) {
        Api.Response r = api.post("/products.json", json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("product");
    }

    @Test
    void listsAreArraysOfWrappedObjectsPagedByLimitAndPage() {
        sim.seedCatalog(store.code(), new CatalogSeed(5, 0, "P", 3, 1000));

        JsonNode page1 = api.get("/products.json?limit=2&page=1").json();
        JsonNode page3 = api.get("/products.json?limit=2&page=3").json();
        JsonNode page4 = api.get("/products.json?limit=2&page=4").json();

        assertThat(page1.isArray()).isTrue();
        assertThat(page1).hasSize(2);
        assertThat(page1.get(0).fieldNames()).toIterable().containsExactly("product");
        assertThat(page1.get(0).get("product").get("sku").asText()).isEqualTo("P-1");
        assertThat(page3).hasSize(1);
        assertThat(page3.get(0).get("product").get("sku").asText()).isEqualTo("P-5");
        assertThat(page4).isEmpty();
    }

    @Test
    void limitDefaultsToFiftyAndAboveHundredIsClamped() {
        sim.seedCatalog(store.code(), new CatalogSeed(130, 0, "P", 1, 1000));

        assertThat(api.get("/products.json").json()).hasSize(50);
        assertThat(api.get("/products.json?limit=500").json()).hasSize(100);
        assertThat(api.get("/products.json?limit=500&page=2").json()).hasSize(30);
    }

    @Test
    void countEndpointsAnswerACountObject() {
        sim.seedProducts(store.code(), List.of(
                new ProductSeed("A", "A-1", 1000, 1, false, "available", List.of()),
                new ProductSeed("B", "B-1", 1000, 1, false, "disabled", List.of())));

        assertThat(api.get("/products/count.json").json().get("count").asInt()).isEqualTo(2);
        assertThat(api.get("/products/status/disabled/count.json").json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void createRequiresNameAndPriceAndDefaultsStatusAndStock() {
        Api.Response noPrice = api.post("/products.json", "{\"product\": {\"name\": \"Polera\"}}");
        assertThat(noPrice.status()).isEqualTo(422);
        assertThat(noPrice.json().get("message").asText()).isNotBlank();
        assertThat(api.post("/products.json", "{\"product\": {\"price\": 100}}").status()).isEqualTo(422);

        JsonNode p = create("{\"product\": {\"name\": \"Polera Clásica\", \"price\": 19990, \"sku\": \"POL-001\"}}");
        assertThat(p.get("id").asLong()).isPositive();
        assertThat(p.get("status").asText()).isEqualTo("available");
        assertThat(p.get("stock").isInt()).isTrue();
        assertThat(p.get("stock").asInt()).isEqualTo(100);
        assertThat(p.get("price").isNumber()).isTrue();
        assertThat(p.get("price").asDouble()).isEqualTo(19990.0);
        assertThat(p.get("variants").isArray()).isTrue();
        assertThat(p.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
    }

    @Test
    void partialPutChangesOnlyGivenFieldsAndBumpsUpdatedAt() throws Exception {
        JsonNode p = create("{\"product\": {\"name\": \"Polera\", \"price\": 19990, \"sku\": \"POL-001\"}}");
        Thread.sleep(1100); // dates have second precision
        Api.Response r = api.put("/products/" + p.get("id").asLong() + ".json", "{\"product\": {\"stock\": 12}}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode updated = r.json().get("product");
        assertThat(updated.get("stock").asInt()).isEqualTo(12);
        assertThat(updated.get("name").asText()).isEqualTo("Polera");
        assertThat(updated.get("sku").asText()).isEqualTo("POL-001");
        assertThat(updated.get("updated_at").asText()).isNotEqualTo(p.get("updated_at").asText());
    }

    @Test
    void unknownIdsAre404WithResourceNotFoundMessage() {
        Api.Response r = api.get("/products/999999.json");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("Product Not Found.");
        assertThat(api.put("/products/999999.json", "{\"product\": {\"stock\": 1}}").status()).isEqualTo(404);
        assertThat(api.get("/products/abc.json").status()).isEqualTo(404);
    }

    @Test
    void searchMatchesProductAndVariantSkusAndNames() {
        sim.seedProducts(store.code(), List.of(
                new ProductSeed("Polera Clásica", "POL-001", 19990, null, false, null, List.of(
                        new VariantSeed("POL-001-M", null, 7, false, "Talla", "M"),
                        new VariantSeed("POL-001-L", null, 2, false, "Talla", "L"))),
                new ProductSeed("Zapato", "ZAP-9", 49990, 4, false, null, List.of())));

        JsonNode byVariantSku = api.get("/products/search.json?query=POL-001-L&fields=sku,variants").json();
        assertThat(byVariantSku).hasSize(1);
        assertThat(byVariantSku.get(0).get("product").get("variants")).hasSize(2);

        JsonNode byName = api.get("/products/search.json?query=zapato").json();
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("product").get("sku").asText()).isEqualTo("ZAP-9");

        // a text query: a prefix finds every product whose SKU contains it
        assertThat(api.get("/products/search.json?query=POL&fields=sku").json()).hasSize(1);
        assertThat(api.get("/products/search.json?query=POL-001-L&fields=name").json()).isEmpty();
    }

    @Test
    void statusEndpointFiltersAndRejectsUnknownStatus() {
        sim.seedProducts(store.code(), List.of(
                new ProductSeed("A", "A-1", 1000, 1, false, "available", List.of()),
                new ProductSeed("B", "B-1", 1000, 1, false, "not-available", List.of())));

        JsonNode notAvailable = api.get("/products/status/not-available.json").json();
        assertThat(notAvailable).hasSize(1);
        assertThat(notAvailable.get(0).get("product").get("sku").asText()).isEqualTo("B-1");
        Api.Response bad = api.get("/products/status/enabled.json");
        assertThat(bad.status()).isEqualTo(404);
        assertThat(bad.json().get("message").asText()).isEqualTo("Status Invalid.");
        assertThat(api.post("/products.json", "{\"product\": {\"name\": \"X\", \"price\": 1, \"status\": \"enabled\"}}")
                .status()).isEqualTo(422);
    }

    @Test
    void nonIntegerStockIsRejected() {
        JsonNode p = create("{\"product\": {\"name\": \"Polera\", \"price\": 19990, \"variants\": "
                + "[{\"sku\": \"POL-M\", \"stock\": 5, \"options\": [{\"name\": \"Talla\", \"value\": \"M\"}]}]}}");
        long id = p.get("id").asLong();
        long variantId = p.get("variants").get(0).get("id").asLong();
        String variantPath = "/products/" + id + "/variants/" + variantId + ".json";

        for (String bad : List.of("5.5", "\"cinco\"", "3000000000", "true")) {
            Api.Response r = api.put(variantPath, "{\"variant\": {\"stock\": " + bad + "}}");
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.json().get("message").asText()).isNotBlank();
        }
        assertThat(api.put("/products/" + id + ".json", "{\"product\": {\"stock\": 1.25}}").status()).isEqualTo(422);
        assertThat(api.get(variantPath).json().get("variant").get("stock").asInt()).isEqualTo(5);
    }

    @Test
    void variantStockUpdateAnswersTheWrappedVariant() {
        JsonNode p = create("{\"product\": {\"name\": \"Polera\", \"price\": 19990, \"variants\": "
                + "[{\"sku\": \"POL-M\", \"stock\": 5, \"options\": [{\"name\": \"Talla\", \"value\": \"M\"}]}]}}");
        long id = p.get("id").asLong();
        long variantId = p.get("variants").get(0).get("id").asLong();

        Api.Response r = api.put("/products/" + id + "/variants/" + variantId + ".json",
                "{\"variant\": {\"stock\": 12}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode v = r.json().get("variant");
        assertThat(v.get("stock").asInt()).isEqualTo(12);
        assertThat(v.get("sku").asText()).isEqualTo("POL-M");
        assertThat(v.get("options").get(0).get("name").asText()).isEqualTo("Talla");
        assertThat(v.get("options").get(0).get("product_option_value_id").asLong()).isPositive();
        assertThat(sim.stock(store.code(), "POL-M").stock()).isEqualTo(12);

        Api.Response unlimited = api.put("/products/" + id + "/variants/" + variantId + ".json",
                "{\"variant\": {\"stock_unlimited\": true}}");
        assertThat(unlimited.json().get("variant").get("stock_unlimited").asBoolean()).isTrue();
    }

    @Test
    void variantsCanBeListedAddedAndCounted() {
        JsonNode p = create("{\"product\": {\"name\": \"Polera\", \"price\": 19990}}");
        long id = p.get("id").asLong();
        Api.Response added = api.post("/products/" + id + "/variants.json",
                "{\"variant\": {\"sku\": \"POL-L\", \"stock\": 3, \"options\": [{\"name\": \"Talla\", \"value\": \"L\"}]}}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("variant").get("price").asDouble()).isEqualTo(19990.0);

        JsonNode list = api.get("/products/" + id + "/variants.json").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("variant").get("sku").asText()).isEqualTo("POL-L");
        assertThat(api.get("/products/" + id + "/variants/count.json").json().get("count").asInt()).isEqualTo(1);
        assertThat(api.get("/products/" + id + "/variants/1.json").status()).isEqualTo(404);
    }

    @Test
    void deletedProductIsGone() {
        JsonNode p = create("{\"product\": {\"name\": \"Polera\", \"price\": 19990}}");
        String path = "/products/" + p.get("id").asLong() + ".json";

        assertThat(api.delete(path).status()).isEqualTo(200);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.delete(path).status()).isEqualTo(404);
    }

    @Test
    void productsAfterIdListsNewerProducts() {
        sim.seedCatalog(store.code(), new CatalogSeed(4, 0, "P", 1, 1000));
        JsonNode all = api.get("/products.json").json();
        long second = all.get(1).get("product").get("id").asLong();

        JsonNode after = api.get("/products/after/" + second + ".json").json();
        List<String> skus = new ArrayList<>();
        after.forEach(n -> skus.add(n.get("product").get("sku").asText()));
        assertThat(skus).containsExactly("P-3", "P-4");
    }

    @Test
    void seedsAHundredThousandVariantsQuickly() {
        long start = System.nanoTime();
        JumpsellerAdmin.SeedResult result = sim.seedCatalog(store.code(), new CatalogSeed(10_000, 10, "B", 5, 9990));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.variants()).isEqualTo(100_000);
        assertThat(millis).isLessThan(5_000);
        assertThat(sim.stock(store.code(), "B-10000-10").stock()).isEqualTo(5);
        assertThat(api.get("/products/count.json").json().get("count").asInt()).isEqualTo(10_000);
    }
}

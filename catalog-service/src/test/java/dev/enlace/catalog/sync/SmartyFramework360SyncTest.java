package dev.enlace.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.smarty.simulator.SmartySimulator;
import dev.enlace.events.ProductUpdated;
import dev.enlace.events.Topics;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.SmartyTenant;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The Framework360 plugin's "products Smarty → Framework360" (seed framework360-smarty.txt): Gestionale Smarty as
 * product master, polled (it sends no webhooks), and a Framework360 site, against both simulators. Each test has a
 * tenant of its own polled every 10 s.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
class SmartyFramework360SyncTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String POLLED = "pollInterval: PT10S\n";
    private static KafkaEvents events;

    @Inject
    EchoGuard echo;
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
    void smartyProductsAndFramework360ProductsLinkBySku_CA1() {
        SmartyTenant.Created t = tenant("f3link", 3, POLLED);

        given().post("/tenants/f3link/links/by-sku").then().statusCode(200)
                .body("erpVariants", equalTo(3)).body("storeVariants", equalTo(3)).body("linked", equalTo(3));

        given().get("/tenants/f3link/links").then().statusCode(200).body("size()", equalTo(3))
                .body("find { it.sku == '" + t.skus().get(0) + "' }.erpProductId", equalTo(String.valueOf(t.products().get(t.skus().get(0)))))
                .body("find { it.sku == '" + t.skus().get(0) + "' }.storeProductId",
                        equalTo(String.valueOf(t.storeProducts().get(t.skus().get(0)))));
    }

    @Test
    void importCreatesSmartyProductsHiddenInFramework360WithCategoriesPricesImagesAndSkus_CA3() {
        SmartyTenant.Created t = tenant("f3import", 0, POLLED);
        long shirt = sims().smarty().putProduct(t.apiKey(), shirt("F3I-MAGLIA", "Maglia", "https://img.example/maglia.jpg"));
        variation(t, shirt, "F3I-MAGLIA-BLU", "Blu", "16.00");
        variation(t, shirt, "F3I-MAGLIA-ROSSA", "Rossa", "17.00");

        String run = given().post("/tenants/f3import/products/import").then().statusCode(202).extract().header("Location");
        await().atMost(WAIT).until(() -> List.of("DONE", "FAILED").contains(given().get(run).path("status")));
        given().get(run).then().body("status", equalTo("DONE")).body("created", equalTo(1));

        JsonNode site = sims().framework360().product(t.site(), "F3I-MAGLIA-BLU");
        assertThat(site.get("attivo").asBoolean()).as("created hidden").isFalse();
        assertThat(site.get("nome").asText()).isEqualTo("Maglia");
        assertThat(site.get("descrizione").asText()).isEqualTo("Cotone bio");
        assertThat(site.get("categorie")).extracting(JsonNode::asText).containsExactly("Abbigliamento", "Maglie");
        assertThat(site.get("immagini")).extracting(JsonNode::asText).containsExactly("https://img.example/maglia.jpg");
        assertThat(site.get("varianti")).extracting(v -> v.get("sku").asText(), v -> v.get("prezzo").decimalValue().doubleValue(),
                v -> v.get("giacenza").asLong()).containsExactly(org.assertj.core.groups.Tuple.tuple("F3I-MAGLIA-BLU", 16.0, 0L),
                org.assertj.core.groups.Tuple.tuple("F3I-MAGLIA-ROSSA", 17.0, 0L));
        given().get("/tenants/f3import/links").then().body("size()", equalTo(2)).body("method", everyItem(equalTo("IMPORT")))
                .body("storeProductId", everyItem(equalTo(site.get("id").asText())));
    }

    @Test
    void aSmartyChangeReachesFramework360OnTheNextPollAndIsPublishedWhole_CA5() {
        SmartyTenant.Created t = linkedAndPolled("f3change", 2);
        String sku = t.skus().get(0);

        sims().smarty().putProduct(t.apiKey(), shirt(sku, "Maglia rinnovata", "https://img.example/nuova.jpg").put("price", "19.90"));

        await().atMost(WAIT).until(() -> sims().framework360().product(t.site(), sku).get("nome").asText().equals("Maglia rinnovata"));
        JsonNode site = sims().framework360().product(t.site(), sku);
        assertThat(site.get("prezzo").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(site.get("descrizione").asText()).isEqualTo("Cotone bio");
        assertThat(site.get("categorie")).extracting(JsonNode::asText).containsExactly("Abbigliamento", "Maglie");
        assertThat(site.get("immagini")).extracting(JsonNode::asText).containsExactly("https://img.example/nuova.jpg");
        assertThat(site.get("attivo").asBoolean()).as("status is the shop owner's").isTrue();
        String subject = "smarty:" + t.products().get(sku);
        var updated = events.await(r -> r.key().equals(Topics.key("f3change", subject)) && ProductUpdated.TYPE.equals(r.value().getType())
                && new String(r.value().getData().toBytes()).contains("Maglia rinnovata"), 1, WAIT);
        assertThat(new String(updated.get(0).value().getData().toBytes())).as("the full state, not a diff")
                .contains("\"sku\":\"" + sku + "\"").contains("Cotone bio").contains("\"Maglie\"")
                .contains("https://img.example/nuova.jpg").contains("\"amount\":19.90");
    }

    @Test
    void aNewSmartyProductIsCreatedHiddenInFramework360OnTheNextPoll_CA5() {
        SmartyTenant.Created t = linkedAndPolled("f3new", 1);

        long product = sims().smarty().putProduct(t.apiKey(), shirt("F3N-NUOVO", "Novità", "https://img.example/novita.jpg"));

        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/f3new/links").then()
                .body("find { it.sku == 'F3N-NUOVO' }.erpProductId", equalTo(String.valueOf(product))));
        JsonNode site = sims().framework360().product(t.site(), "F3N-NUOVO");
        assertThat(site.get("nome").asText()).isEqualTo("Novità");
        assertThat(site.get("attivo").asBoolean()).isFalse();
    }

    @Test
    void afterTheBaselineEachPollReadsOnlyTheProductsChangedSinceTheLast_CA5() {
        // an overlap of 1 s, and products stamped well before the baseline: else they are all within the overlap
        SmartyTenant.Created t = linkedAndPolled("f3incr", 8, "changedSinceOverlap: PT1S");
        int mark = sims().smarty().requests(t.apiKey()).size();
        String sku = t.skus().get(3);

        sims().smarty().setStock(t.apiKey(), sku, java.math.BigDecimal.ONE); // stock is stock-service's: nothing to write
        sims().smarty().putProduct(t.apiKey(), JSON.objectNode().put("sku", sku).put("title", "Solo questo"));

        await().atMost(WAIT).until(() -> sims().framework360().product(t.site(), sku).get("nome").asText().equals("Solo questo"));
        List<SmartySimulator.Request> polls = sims().smarty().requests(t.apiKey()).subList(mark, sims().smarty().requests(t.apiKey()).size());
        assertThat(polls).isNotEmpty().allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("Products/list");
            assertThat(r.query()).containsKey("last_update_from");
            assertThat(r.items()).as("of 8 products, only the changed one").isLessThanOrEqualTo(1);
        });
        assertThat(polls).anySatisfy(r -> assertThat(r.items()).isEqualTo(1));
    }

    @Test
    void withImageSyncOffNoImageIsWrittenToFramework360_CA8() {
        SmartyTenant.Created t = tenant("f3noimg", 0, POLLED + "syncImages: false\n");
        sims().smarty().putProduct(t.apiKey(), shirt("F3X-FOTO", "Con foto", "https://img.example/foto.jpg"));

        String run = given().post("/tenants/f3noimg/products/import").then().statusCode(202).extract().header("Location");
        await().atMost(WAIT).until(() -> List.of("DONE", "FAILED").contains(given().get(run).path("status")));

        JsonNode site = sims().framework360().product(t.site(), "F3X-FOTO");
        assertThat(site.get("nome").asText()).isEqualTo("Con foto");
        assertThat(site.get("immagini")).isEmpty();
    }

    @Test
    void aProductEnlaceWroteIsNotWrittenAgainWhenLaterPollsReadItBack_CA5NoEcho() {
        SmartyTenant.Created t = linkedAndPolled("f3echo", 1);
        String sku = t.skus().get(0);
        long storeProduct = t.storeProducts().get(sku);
        sims().smarty().putProduct(t.apiKey(), JSON.objectNode().put("sku", sku).put("title", "Scritto una volta"));
        await().atMost(WAIT).until(() -> sims().framework360().product(t.site(), sku).get("nome").asText().equals("Scritto una volta"));
        int mark = sims().smarty().requests(t.apiKey()).size();

        // the next poll reads the product again (the cursor's overlap), with the content Enlace already wrote
        await().atMost(WAIT).until(() -> sims().smarty().requests(t.apiKey()).stream().skip(mark).anyMatch(r -> r.items() == 1));

        assertThat(sims().framework360().productWrites(t.site(), storeProduct)).isEqualTo(1);
    }

    /** A Smarty tenant with {@code products} products on both sides, linked by SKU, whose baseline poll is done. */
    private SmartyTenant.Created linkedAndPolled(String id, int products) {
        return linkedAndPolled(id, products, null);
    }

    private SmartyTenant.Created linkedAndPolled(String id, int products, String erpProperty) {
        SmartyTenant.Created t = tenant(id, products, POLLED, erpProperty);
        given().post("/tenants/" + id + "/links/by-sku").then().statusCode(200).body("linked", equalTo(products));
        await().atMost(WAIT).until(() -> IsolatedContext.run(vertx, () -> echo.knowsAny(id, "smarty")).await().atMost(WAIT));
        return t;
    }

    private static SmartyTenant.Created tenant(String id, int products, String catalogSettings) {
        return tenant(id, products, catalogSettings, null);
    }

    /** @param erpProperty one more line under the Smarty connection's {@code properties}, and then the products
     *                    are left to age by 2 s (Smarty stamps to the second) before the service sees the tenant */
    private static SmartyTenant.Created tenant(String id, int products, String catalogSettings, String erpProperty) {
        try {
            Path staging = Files.createTempDirectory("enlace-smarty-tenant-");
            SmartyTenant.Created t = SmartyTenant.create(sims(), staging, id, products);
            if (erpProperty != null) {
                Path file = staging.resolve(id + ".yaml");
                Files.writeString(file, Files.readString(file).replace("    taxIds:", "    " + erpProperty + "\n    taxIds:"));
                java.time.LocalDateTime stamped = java.time.LocalDateTime.parse(
                        sims().smarty().item(t.apiKey(), t.skus().get(products - 1)).get("last_update").asText());
                await().atMost(WAIT).until(() -> java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Rome"))
                        .isAfter(stamped.plusSeconds(2)));
            }
            SyncTenant.install(staging, id, catalogSettings);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Smarty product as its UI saves it: with description, a category path and an image. */
    private static ObjectNode shirt(String sku, String title, String image) {
        ObjectNode p = JSON.objectNode().put("sku", sku).put("title", title).put("description", "Cotone bio")
                .put("category", "Abbigliamento, Maglie").put("price", "15.20").put("tax_id", 1);
        p.putArray("images").add(image);
        return p;
    }

    private static void variation(SmartyTenant.Created t, long product, String sku, String colour, String price) {
        ObjectNode v = JSON.objectNode().put("sku", sku).put("price", price);
        v.putArray("detail").addObject().put("name", "Colore").put("value", colour);
        sims().smarty().addVariation(t.apiKey(), product, v);
    }

    private static Simulators sims() {
        return SimulatedTenantResources.simulators();
    }
}

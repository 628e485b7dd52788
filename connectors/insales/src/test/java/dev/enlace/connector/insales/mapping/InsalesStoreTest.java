package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.simulator.InsalesAdmin.ProductSeed;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import dev.enlace.connector.insales.simulator.InsalesAdmin.VariantSeed;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.TenantRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The connector against the inSales simulator, through the real client, limits and ingress. */
@QuarkusTest
@WithTestResource(InsalesShopResources.class)
class InsalesStoreTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    InsalesStock stock;

    @Inject
    TenantRegistry tenants;

    @Inject
    ReceivedOrders orders;

    @Inject
    InsalesProductWriter writer;

    Connection store() {
        return tenants.find(InsalesShopResources.TENANT).orElseThrow().store();
    }

    String shop() {
        return InsalesShopResources.shop().shop();
    }

    SeededProduct seed(String title, String... skus) {
        return InsalesShopResources.simulator().seed(shop(), List.of(new ProductSeed(title, java.util.Arrays.stream(skus)
                .map(sku -> new VariantSeed(sku, sku, BigDecimal.TEN, 1)).toList()))).get(0);
    }

    Integer quantity(long variantId) {
        return InsalesShopResources.simulator().stock(shop(), variantId).quantity();
    }

    @Test
    void theCatalogueListsEveryVariantWithItsSkuAcrossPages() {
        String prefix = "CAT-" + System.nanoTime() + "-";
        List<ProductSeed> seeds = IntStream.range(0, 520).mapToObj(i -> new ProductSeed("Товар " + i,
                IntStream.range(0, i % 2 + 1).mapToObj(j -> new VariantSeed(prefix + i + "-" + j, null, BigDecimal.ONE, 1))
                        .toList())).toList();
        List<SeededProduct> seeded = InsalesShopResources.simulator().seed(shop(), seeds);

        List<CatalogVariant> listed = stock.variants(store()).collect().asList().await().atMost(WAIT);

        List<CatalogVariant> ours = listed.stream().filter(v -> v.sku() != null && v.sku().startsWith(prefix)).toList();
        assertThat(ours).hasSize(780);
        SeededProduct two = seeded.get(1);
        assertThat(ours).contains(new CatalogVariant(new ExternalRef("insales", String.valueOf(two.productId()),
                String.valueOf(two.variantIds().get(1))), prefix + "1-1", "Товар 1"));
    }

    @Test
    void stockIsWrittenToTheLinkedVariant() {
        SeededProduct p = seed("Футболка", "TS-S-" + System.nanoTime(), "TS-M-" + System.nanoTime());
        long medium = p.variantIds().get(1);
        stock.writeStock(store(), new ExternalRef("insales", String.valueOf(p.productId()), String.valueOf(medium)), 17, false)
                .await().atMost(WAIT);
        assertThat(quantity(medium)).isEqualTo(17);
        assertThat(quantity(p.variantIds().get(0))).as("the other variant is untouched").isEqualTo(1);
    }

    @Test
    void aLinkToAProductWithOneVariantWritesToThatFirstVariant() {
        SeededProduct p = seed("Ежедневник", "DHB-" + System.nanoTime());
        stock.writeStock(store(), new ExternalRef("insales", String.valueOf(p.productId()), null), 8, false)
                .await().atMost(WAIT);
        assertThat(quantity(p.variantIds().get(0))).isEqualTo(8);
        stock.writeStock(store(), new ExternalRef("insales", String.valueOf(p.productId()), null), 3, false)
                .await().atMost(WAIT);
        assertThat(quantity(p.variantIds().get(0))).isEqualTo(3);
    }

    @Test
    void aLinkToAProductWithSeveralVariantsIsRefusedAsAmbiguous() {
        SeededProduct p = seed("Футболка", "A-" + System.nanoTime(), "B-" + System.nanoTime());
        assertThatThrownBy(() -> stock.writeStock(store(), new ExternalRef("insales", String.valueOf(p.productId()), null),
                5, false).await().atMost(WAIT))
                .isInstanceOf(ExternalApiException.class).hasMessageContaining("2 variants");
        assertThat(quantity(p.variantIds().get(0))).isEqualTo(1);
        assertThat(quantity(p.variantIds().get(1))).isEqualTo(1);
    }

    @Test
    void unlimitedStockIsAQuantityInsalesDoesNotTrack() {
        SeededProduct p = seed("Предзаказ", "PRE-" + System.nanoTime());
        stock.writeStock(store(), new ExternalRef("insales", String.valueOf(p.productId()), String.valueOf(p.variantIds().get(0))),
                0, true).await().atMost(WAIT);
        assertThat(quantity(p.variantIds().get(0))).isNull();
    }

    @Test
    void throttledWritesAreRetriedAfterRetryAfterAndNoneIsLost() throws Exception {
        List<SeededProduct> products = InsalesShopResources.simulator().seed(shop(), IntStream.range(0, 150)
                .mapToObj(i -> new ProductSeed("Лимит " + i, List.of(new VariantSeed("LIM-" + System.nanoTime() + "-" + i,
                        null, BigDecimal.ONE, 0)))).toList());
        long throttledBefore = InsalesShopResources.simulator().counters(shop()).throttled();
        exhaustTheWindow();

        List<Uni<Void>> writes = IntStream.range(0, products.size()).mapToObj(i -> {
            SeededProduct p = products.get(i);
            return stock.writeStock(store(), new ExternalRef("insales", String.valueOf(p.productId()),
                    String.valueOf(p.variantIds().get(0))), i + 1, false);
        }).toList();
        Uni.join().all(writes).andFailFast().await().atMost(WAIT);

        for (int i = 0; i < products.size(); i++) {
            assertThat(quantity(products.get(i).variantIds().get(0))).isEqualTo(i + 1);
        }
        assertThat(InsalesShopResources.simulator().counters(shop()).throttled()).isGreaterThan(throttledBefore);
    }

    @Test
    void stockWritesTravelTogetherInGroupUpdatesOfAtMostAHundred() {
        List<SeededProduct> products = InsalesShopResources.simulator().seed(shop(), IntStream.range(0, 250)
                .mapToObj(i -> new ProductSeed("Группа " + i, List.of(new VariantSeed("GRP-" + System.nanoTime() + "-" + i,
                        null, BigDecimal.ONE, 0)))).toList());
        long callsBefore = InsalesShopResources.simulator().counters(shop()).apiCalls();

        Uni.join().all(products.stream().map(p -> stock.writeStock(store(), new ExternalRef("insales",
                String.valueOf(p.productId()), String.valueOf(p.variantIds().get(0))), 42, false)).toList())
                .andFailFast().await().atMost(WAIT);

        products.forEach(p -> assertThat(quantity(p.variantIds().get(0))).isEqualTo(42));
        long calls = InsalesShopResources.simulator().counters(shop()).apiCalls() - callsBefore;
        System.out.printf("250 stock writes took %d API calls%n", calls);
        assertThat(calls).as("far fewer calls than writes").isLessThanOrEqualTo(25);
    }

    @Test
    void aWebhookWithTheWrongUrlTokenIsRefused() {
        given().contentType(ContentType.JSON).body(order(1))
                .when().post("/webhooks/insales/" + InsalesShopResources.TENANT + "/not-the-token")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(order(1))
                .when().post("/webhooks/insales/" + InsalesShopResources.TENANT)
                .then().statusCode(401);
    }

    @Test
    void anOrderWebhookWithTheTenantsTokenReachesTheHandlerOnce() {
        long id = System.nanoTime();
        String path = "/webhooks/insales/" + InsalesShopResources.TENANT + "/" + InsalesShopResources.WEBHOOK_TOKEN;
        given().contentType(ContentType.JSON).body(order(id)).when().post(path).then().statusCode(202);
        given().contentType(ContentType.JSON).body(order(id)).when().post(path).then().statusCode(200);

        await().atMost(WAIT).until(() -> orders.deliveries().stream().anyMatch(d -> d.partitionKey().equals("order:" + id)));
        assertThat(orders.deliveries().stream().filter(d -> d.partitionKey().equals("order:" + id)))
                .singleElement().satisfies(d -> assertThat(d.topic()).isEqualTo("orders"));
    }

    private static String order(long id) {
        return "{\"id\":" + id + ",\"number\":1001,\"financial_status\":\"paid\",\"order_lines\":[{\"id\":1,\"variant_id\":2,"
                + "\"sku\":\"X\",\"quantity\":1,\"full_total_price\":\"10.0\"}],\"updated_at\":\"2026-01-01T10:00:00.000+03:00\"}";
    }

    /** Spends the simulator's whole window with calls of another client of the same app and shop. */
    private static void exhaustTheWindow() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var shop = InsalesShopResources.shop();
        String auth = "Basic " + Base64.getEncoder().encodeToString((shop.apiKey() + ":" + shop.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(InsalesShopResources.apiBase() + "/products/count.json"))
                .header("Authorization", auth).GET().build();
        for (int i = 0; i < InsalesShopResources.SIM_LIMIT + 1; i++) {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 429) {
                return;
            }
        }
    }

    private static dev.enlace.events.ProductSnapshot shirt(String sku, String name, List<String> groups, List<String> images,
            String... sizes) {
        List<dev.enlace.events.ProductSnapshot.VariantSnapshot> variants = java.util.Arrays.stream(sizes)
                .map(size -> new dev.enlace.events.ProductSnapshot.VariantSnapshot(sku + size, sku + "-" + size, null,
                        dev.enlace.events.Money.of("S".equals(size) ? "990" : "1090", "RUB"), List.of(size))).toList();
        return new dev.enlace.events.ProductSnapshot("moysklad", sku, name, "Хлопок", "active", groups, images, variants);
    }

    @Test
    void aWrittenProductGetsItsVariantsNestedCollectionsAndImagesAndAnUpdateMakesThemMatchTheSource() { // CA3, CA5
        String sku = "PW" + System.nanoTime();
        var created = writer.create(store(), shirt(sku, "Футболка", List.of("Одежда/Футболки"),
                List.of("https://files.example/f/1/shirt.png?signature=a"), "S", "M"),
                new dev.enlace.platform.connectors.ProductWriter.WriteOptions(true, true)).await().atMost(WAIT);
        assertThat(created.status()).as("created hidden").isEqualTo("hidden");
        assertThat(created.categories()).containsExactly("Футболки");
        assertThat(created.variants()).extracting(v -> v.sku() + " " + v.options() + " " + v.price().amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(sku + "-S [S] 990", sku + "-M [M] 1090");
        assertThat(created.imageUrls()).hasSize(1);

        var updated = writer.update(store(), created.productId(), shirt(sku, "Футболка новая", List.of("Одежда"),
                List.of("https://files.example/f/2/shirt-2.png?signature=b"), "S", "M", "L"),
                new dev.enlace.platform.connectors.ProductWriter.WriteOptions(false, true)).await().atMost(WAIT);
        assertThat(updated.name()).isEqualTo("Футболка новая");
        assertThat(updated.status()).as("an update never changes visibility").isEqualTo("hidden");
        assertThat(updated.categories()).as("moved to the source's group only").containsExactly("Одежда");
        assertThat(updated.imageUrls()).containsExactly("https://files.example/f/2/shirt-2.png?signature=b");
        assertThat(updated.variants()).extracting(v -> v.sku()).containsExactlyInAnyOrder(sku + "-S", sku + "-M", sku + "-L");

        // the same picture behind a fresh link is not uploaded again
        var again = writer.update(store(), created.productId(), shirt(sku, "Футболка новая", List.of("Одежда"),
                List.of("https://files.example/f/2/shirt-2.png?signature=c"), "S", "M", "L"),
                new dev.enlace.platform.connectors.ProductWriter.WriteOptions(false, true)).await().atMost(WAIT);
        assertThat(again.imageUrls()).isEqualTo(updated.imageUrls());
    }
}

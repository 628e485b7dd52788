package dev.enlace.catalog.api;

import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CA1 at catalogue scale (issue 5's proof): a Bsale company and a Jumpseller store with the same
 * N SKUs (half of the store's products with a variant) link by SKU within both APIs' rate limits;
 * prints products/s and the time to the first and the last ProductLinked on the topic, then how
 * long the CA2 list and the CA10 status take on that catalogue. Off by default (minutes, not
 * seconds): {@code -Denlace.benchmark.link-products=20000}.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_catalog_test"))
@EnabledIfSystemProperty(named = "enlace.benchmark.link-products", matches = "\\d+")
class LinkBySkuBenchmarkTest {

    @Test
    void largeCatalogueLinksBySku() throws Exception {
        int products = Integer.getInteger("enlace.benchmark.link-products");
        Path tenants = Path.of(ConfigProvider.getConfig().getValue("enlace.tenants.directory", String.class));
        long seeding = System.nanoTime();
        DemoTenant.create(SimulatedTenantResources.simulators(), tenants, "bulk",
                new DemoTenant.Options(products, false, List.of(DemoTenant.OFFICE), SimulatedTenantResources.serviceUrl()));
        System.out.printf("CA1 benchmark: %,d products seeded in both simulators in %.1f s%n", products, seconds(seeding));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/tenants/bulk/links")
                .statusCode() == 200);

        try (KafkaEvents events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.CATALOG)) {
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            // longer than the test client's default time-out
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(SimulatedTenantResources.serviceUrl() + "/tenants/bulk/links/by-sku"))
                            .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            int linked = JsonPath.from(response.body()).getInt("linked");
            double run = seconds(start);
            var announced = events.await(r -> r.key().startsWith("bulk/")
                    && r.value().getType().equals(ProductLinked.TYPE), products, Duration.ofMinutes(5));
            assertThat(linked).isEqualTo(products);
            assertThat(announced).hasSize(products);
            long first = announced.stream().mapToLong(r -> r.timestamp()).min().orElseThrow();
            long last = announced.stream().mapToLong(r -> r.timestamp()).max().orElseThrow();
            System.out.printf("CA1 benchmark: %,d variants linked by SKU in %.1f s (%.0f products/s); first ProductLinked"
                            + " on the topic %.1f s after the request, last %.1f s after%n", linked, run, products / run,
                    (first - startMillis) / 1000.0, (last - startMillis) / 1000.0);
        }
        long listing = System.nanoTime();
        given().queryParam("office", DemoTenant.OFFICE).when().get("/tenants/bulk/variants/erp").then().statusCode(200);
        System.out.printf("CA2 benchmark: first page of the ERP list of one office (rereads the %,d variants and"
                + " their stock) in %.1f s%n", products, seconds(listing));
        long status = System.nanoTime();
        given().queryParam("status", "SYNCED").queryParam("page", 10).when().get("/tenants/bulk/sync-status").then()
                .statusCode(200);
        System.out.printf("CA10 benchmark: one page of the sync status over %,d items in %.2f s%n", products,
                seconds(status));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

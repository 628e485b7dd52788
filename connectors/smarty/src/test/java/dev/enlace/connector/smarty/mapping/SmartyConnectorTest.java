package dev.enlace.connector.smarty.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.smarty.simulator.SmartySimulator;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.SecretRef;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.simulator.SimulatorServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Smarty connector as services use it ({@link Connectors#require}) against the simulator: the ApiKey query
 * parameter, offset paging over bare arrays, variations as their own sellable units, stock as Smarty reports it.
 */
@QuarkusTest
@QuarkusTestResource(value = EnlaceTestResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_smarty_test"))
class SmartyConnectorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static Vertx vertx;
    static SmartySimulator sim;
    static SimulatorServer server;
    static Path secrets;

    @Inject
    Connectors connectors;

    String apiKey;
    Connection connection;

    @BeforeAll
    static void startSimulator() throws IOException {
        vertx = Vertx.vertx();
        sim = new SmartySimulator(vertx);
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        secrets = Files.createTempDirectory("smarty-secrets");
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void newAccount() throws IOException {
        apiKey = sim.createAccount("Rossi Srl");
        Path key = Files.writeString(secrets.resolve(apiKey.substring(0, 8)), apiKey + "\n");
        connection = new Connection("smarty", URI.create(server.baseUrl() + SmartySimulator.API_PREFIX), Map.of(),
                Map.of("apiKey", SecretRef.parse("file:" + key.getFileName(), secrets)));
    }

    private long product(String sku, String stock) {
        return sim.putProduct(apiKey, JSON.objectNode().put("sku", sku).put("title", "Prodotto " + sku).put("price", "9.90")
                .put("stock", new BigDecimal(stock)));
    }

    @Test
    void catalogueWalksEveryPageAndSellsVariationsInsteadOfTheirProduct() { // CA1
        for (int i = 0; i < 120; i++) {
            product("SKU-" + i, "1");
        }
        long shirt = product("MAGLIA", "0");
        ObjectNode blue = JSON.objectNode().put("sku", "MAGLIA-BLU-M").put("stock", 4);
        blue.putArray("detail").addObject().put("name", "Colore").put("value", "Blu");
        long variation = sim.addVariation(apiKey, shirt, blue);
        sim.addVariation(apiKey, shirt, JSON.objectNode().put("sku", "MAGLIA-ROSSA-M").put("stock", 2));

        List<CatalogVariant> variants = connectors.require(VariantCatalog.class, "smarty").variants(connection)
                .collect().asList().await().atMost(WAIT);

        assertThat(variants).hasSize(122).extracting(CatalogVariant::sku).doesNotContain("MAGLIA")
                .contains("SKU-0", "SKU-119", "MAGLIA-BLU-M", "MAGLIA-ROSSA-M").doesNotHaveDuplicates();
        CatalogVariant blueShirt = variants.stream().filter(v -> v.sku().equals("MAGLIA-BLU-M")).findFirst().orElseThrow();
        assertThat(blueShirt.ref().productId()).isEqualTo(String.valueOf(shirt));
        assertThat(blueShirt.ref().variantId()).isEqualTo("v" + variation);
        assertThat(blueShirt.name()).isEqualTo("Prodotto MAGLIA / Blu");
    }

    @Test
    void stockIsReportedAsSmartyHoldsItFractionalOrNegative() { // ST1; ST5/ST6 are the stock-service's
        long bulk = product("FARINA", "12.5");
        long oversold = product("OVERSOLD", "-3");
        List<ErpStock> all = connectors.require(ErpStockSnapshot.class, "smarty").allStock(connection, List.of())
                .collect().asList().await().atMost(WAIT);
        assertThat(all).extracting(ErpStock::variantId, ErpStock::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(bulk), new BigDecimal("12.5")),
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(oversold), new BigDecimal("-3")));
        ErpStock one = connectors.require(ErpStockSource.class, "smarty").stock(connection, String.valueOf(oversold), List.of())
                .await().atMost(WAIT);
        assertThat(one.sku()).isEqualTo("OVERSOLD");
        assertThat(one.sellWithoutStock()).isFalse();
    }

    @Test
    void aProductSnapshotCarriesCategoryPathImagesAndVariations() { // CA3-CA6 source side
        ObjectNode body = JSON.objectNode().put("sku", "MAGLIA").put("title", "Maglia").put("description", "Cotone")
                .put("category", "Abbigliamento, Maglie").put("price", "15.20");
        body.putArray("images").add("https://img/1.jpg");
        long shirt = sim.putProduct(apiKey, body);
        ObjectNode blue = JSON.objectNode().put("sku", "MAGLIA-BLU").put("ean", "8000000000011").put("price", "16.00");
        blue.putArray("detail").addObject().put("name", "Colore").put("value", "Blu");
        long variation = sim.addVariation(apiKey, shirt, blue);
        long plain = product("TAZZA", "3");

        ProductCatalog catalog = connectors.require(ProductCatalog.class, "smarty");
        ProductSnapshot p = catalog.product(connection, String.valueOf(shirt)).await().atMost(WAIT).orElseThrow();
        assertThat(p.name()).isEqualTo("Maglia");
        assertThat(p.categories()).containsExactly("Abbigliamento", "Maglie");
        assertThat(p.imageUrls()).containsExactly("https://img/1.jpg");
        assertThat(p.variants()).singleElement().satisfies(v -> {
            assertThat(v.variantId()).isEqualTo("v" + variation);
            assertThat(v.sku()).isEqualTo("MAGLIA-BLU");
            assertThat(v.barcode()).isEqualTo("8000000000011");
            assertThat(v.price()).isEqualTo(new dev.enlace.events.Money(new BigDecimal("16.00"), "EUR"));
            assertThat(v.options()).containsExactly("Blu");
        });
        assertThat(catalog.product(connection, String.valueOf(plain)).await().atMost(WAIT).orElseThrow().variants())
                .singleElement().satisfies(v -> assertThat(v.variantId()).isEqualTo(String.valueOf(plain)));
        assertThat(catalog.product(connection, "999999").await().atMost(WAIT)).isEmpty();
        assertThat(catalog.products(connection).collect().asList().await().atMost(WAIT)).hasSize(2);
    }

    @Test
    void changedSinceAsksSmartyForTheLocalTimeInTheTenantsZoneAnOverlapEarlier() { // CA5 polling
        product("OLD", "1");
        product("NEW", "1");
        ZonedDateTime since = ZonedDateTime.now(ZoneId.of("Europe/Rome")).plusMinutes(10);

        List<ProductSnapshot> changed = connectors.require(ProductCatalog.class, "smarty")
                .productsChangedSince(connection, since).collect().asList().await().atMost(WAIT);

        assertThat(changed).as("nothing changed since then, even with the overlap").isEmpty();
        SmartySimulator.Request request = sim.requests(apiKey).get(sim.requests(apiKey).size() - 1);
        assertThat(request.action()).isEqualTo("Products/list");
        assertThat(request.query()).containsEntry("last_update_from", since.minusMinutes(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
        assertThat(connectors.require(ProductCatalog.class, "smarty").productsChangedSince(connection, since.minusMinutes(15))
                .collect().asList().await().atMost(WAIT)).extracting(ProductSnapshot::name)
                .containsExactlyInAnyOrder("Prodotto OLD", "Prodotto NEW");
    }

    @Test
    void aPullAcrossTheAutumnClockChangeStartsAtTheRepeatedHour() { // CA5 polling: 03:00 CEST -> 02:00 CET
        ZoneId rome = ZoneId.of("Europe/Rome");
        ZonedDateTime beforeChange = ZonedDateTime.of(2026, 10, 25, 2, 40, 0, 0, rome).withEarlierOffsetAtOverlap();
        java.time.Instant afterChange = beforeChange.plusMinutes(50).toInstant(); // 02:30 CET, local time went back

        assertThat(SmartyProductCatalog.lastUpdateFrom(beforeChange, Duration.ofMinutes(2), afterChange)).isEqualTo("2026-10-25T02:00:00");
        assertThat(SmartyProductCatalog.lastUpdateFrom(beforeChange, Duration.ofMinutes(2),
                beforeChange.plusMinutes(5).toInstant()))
                .as("the clocks have not gone back yet").isEqualTo("2026-10-25T02:38:00");
    }
}

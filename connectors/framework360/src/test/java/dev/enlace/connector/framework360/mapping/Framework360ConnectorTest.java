package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.simulator.Framework360Simulator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.StoreStockReading;
import dev.enlace.platform.connectors.StoreStockSnapshot;
import dev.enlace.platform.connectors.StoreStockTarget;
import dev.enlace.platform.connectors.StoreTaxRates;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Framework360 connector as services use it ({@link Connectors#require}) against the simulator: stock written to
 * products and variants (ST1, ST7), read back for reconciliation (ST9), linking (CA1), VAT rates (CA12) and products
 * written from the ERP's (CA3, CA5, CA8).
 */
@QuarkusTest
@QuarkusTestResource(value = EnlaceTestResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_framework360_test"))
class Framework360ConnectorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger SITES = new AtomicInteger();
    static Vertx vertx;
    static Framework360Simulator sim;
    static SimulatorServer server;
    static Path secrets;

    @Inject
    Connectors connectors;

    String site;
    Connection connection;

    @BeforeAll
    static void startSimulator() throws IOException {
        vertx = Vertx.vertx();
        sim = new Framework360Simulator(vertx, Framework360Simulator.Options.defaults());
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        secrets = Files.createTempDirectory("framework360-secrets");
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
        sim.reset();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void newSite() throws IOException {
        site = "negozio" + SITES.incrementAndGet();
        Path key = Files.writeString(secrets.resolve(site), sim.createSite(site) + "\n");
        connection = new Connection("framework360", URI.create(server.baseUrl() + Framework360Simulator.apiPath(site)), Map.of(),
                Map.of("apiKey", SecretRef.parse("file:" + key.getFileName(), secrets)));
    }

    @Test
    void stockIsWrittenToAProductToAVariantOrAsUnlimited() { // ST1, ST7
        long mug = sim.addProduct(site, "TAZZA", "Tazza", new BigDecimal("8.00"), 0L);
        long shirt = sim.addProduct(site, "MAGLIA", "Maglia", new BigDecimal("15.20"), null);
        long medium = sim.addVariant(site, shirt, "MAGLIA-M", "M", 0L);
        StoreStockTarget target = connectors.require(StoreStockTarget.class, "framework360");

        target.writeStock(connection, new ExternalRef("framework360", String.valueOf(mug), null), 7, false).await().atMost(WAIT);
        target.writeStock(connection, new ExternalRef("framework360", String.valueOf(shirt), String.valueOf(medium)), 3, false)
                .await().atMost(WAIT);
        assertThat(sim.stock(site, "TAZZA")).isEqualTo(7L);
        assertThat(sim.stock(site, "MAGLIA-M")).isEqualTo(3L);

        target.writeStock(connection, new ExternalRef("framework360", String.valueOf(mug), null), 0, true).await().atMost(WAIT);
        assertThat(sim.stock(site, "TAZZA")).as("unlimited").isNull();
    }

    @Test
    void stockSnapshotAndCatalogueListEverySellableUnitAcrossPages() { // ST9, CA1
        for (int i = 0; i < 130; i++) {
            sim.addProduct(site, "SKU-" + i, "Prodotto " + i, BigDecimal.ONE, (long) i);
        }
        long shirt = sim.addProduct(site, "MAGLIA", "Maglia", new BigDecimal("15.20"), null);
        long medium = sim.addVariant(site, shirt, "MAGLIA-M", "M", 4L);

        List<StoreStockReading> stock = connectors.require(StoreStockSnapshot.class, "framework360").stock(connection)
                .collect().asList().await().atMost(WAIT);
        assertThat(stock).hasSize(131).extracting(StoreStockReading::sku).doesNotContain("MAGLIA").contains("SKU-129", "MAGLIA-M");
        assertThat(stock).filteredOn(r -> r.sku().equals("MAGLIA-M")).singleElement().satisfies(r -> {
            assertThat(r.stock()).isEqualTo(4);
            assertThat(r.variant().variantId()).isEqualTo(String.valueOf(medium));
        });

        List<CatalogVariant> variants = connectors.require(VariantCatalog.class, "framework360").variants(connection)
                .collect().asList().await().atMost(WAIT);
        assertThat(variants).hasSize(131).filteredOn(v -> v.sku().equals("MAGLIA-M")).singleElement()
                .satisfies(v -> assertThat(v.name()).isEqualTo("Maglia / M"));
    }

    @Test
    void vatRatesComeFromPaymentsTaxes() { // CA12
        assertThat(connectors.require(StoreTaxRates.class, "framework360").taxRates(connection).await().atMost(WAIT))
                .extracting(BigDecimal::intValue).containsExactly(22, 10, 4);
    }

    @Test
    void aProductIsCreatedHiddenWithItsVariantsCategoriesImagesAndNoStock() { // CA3, CA5
        ProductSnapshot created = writer().create(connection, smartyShirt("Maglia", "15.20", "16.00"),
                new ProductWriter.WriteOptions(true, true)).await().atMost(WAIT);

        JsonNode site = sim.product(this.site, "MAGLIA-BLU");
        assertThat(site.get("attivo").asBoolean()).isFalse();
        assertThat(site.get("descrizione").asText()).isEqualTo("Cotone");
        assertThat(site.get("categorie")).extracting(JsonNode::asText).containsExactly("Abbigliamento", "Maglie");
        assertThat(site.get("immagini")).extracting(JsonNode::asText).containsExactly("https://img/1.jpg");
        assertThat(sim.stock(this.site, "MAGLIA-BLU")).isZero();
        assertThat(sim.stock(this.site, "MAGLIA-ROSSA")).isZero();
        assertThat(created.productId()).isEqualTo(site.get("id").asText());
        assertThat(created.variants()).extracting(ProductSnapshot.VariantSnapshot::sku, v -> v.price().amount().doubleValue(),
                        ProductSnapshot.VariantSnapshot::options)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MAGLIA-BLU", 15.2, List.of("Blu")),
                        org.assertj.core.groups.Tuple.tuple("MAGLIA-ROSSA", 16.0, List.of("Rossa")));
    }

    @Test
    void anUpdateRewritesContentMatchesVariantsBySkuAndLeavesStatusAndStock() { // CA5
        ProductSnapshot created = writer().create(connection, smartyShirt("Maglia", "15.20", "16.00"),
                new ProductWriter.WriteOptions(false, true)).await().atMost(WAIT);
        sim.addProduct(site, "ALTRO", "Altro", BigDecimal.ONE, 3L);
        long blue = sim.product(site, "MAGLIA-BLU").get("varianti").get(0).get("id").asLong();

        ProductSnapshot updated = writer().update(connection, created.productId(), smartyShirt("Maglia estiva", "18.00", "19.00"),
                new ProductWriter.WriteOptions(false, true)).await().atMost(WAIT);

        JsonNode site = sim.product(this.site, "MAGLIA-BLU");
        assertThat(site.get("nome").asText()).isEqualTo("Maglia estiva");
        assertThat(site.get("attivo").asBoolean()).isTrue();
        assertThat(site.get("varianti")).hasSize(2);
        assertThat(site.get("varianti").get(0).get("id").asLong()).isEqualTo(blue);
        assertThat(site.get("varianti").get(0).get("prezzo").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(updated.name()).isEqualTo("Maglia estiva");
        assertThat(sim.productWrites(this.site, Long.parseLong(created.productId()))).isEqualTo(2);
    }

    @Test
    void withImagesOffTheSitesImagesAreLeftAsTheyAre() { // CA8
        ProductSnapshot created = writer().create(connection, smartyShirt("Maglia", "15.20", "16.00"),
                new ProductWriter.WriteOptions(true, false)).await().atMost(WAIT);
        assertThat(created.imageUrls()).isEmpty();
        assertThat(sim.product(site, "MAGLIA-BLU").get("immagini")).isEmpty();
    }

    @Test
    void aProductWithOneVariantWithoutOptionsIsASiteProductWithoutVariants() { // CA3
        ProductSnapshot mug = new ProductSnapshot("smarty", "7", "Tazza", null, null, List.of(), List.of(),
                List.of(new ProductSnapshot.VariantSnapshot("7", "TAZZA", "8000000000011", new Money(new BigDecimal("8.50"), "EUR"), List.of())));

        ProductSnapshot created = writer().create(connection, mug, new ProductWriter.WriteOptions(true, true)).await().atMost(WAIT);

        JsonNode site = sim.product(this.site, "TAZZA");
        assertThat(site.get("varianti")).isEmpty();
        assertThat(site.get("ean").asText()).isEqualTo("8000000000011");
        assertThat(site.get("prezzo").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(created.variants()).singleElement().satisfies(v -> assertThat(v.variantId()).isNull());
    }

    private ProductWriter writer() {
        return connectors.require(ProductWriter.class, "framework360");
    }

    /** A Smarty product with two variations, as SmartyProductCatalog reads it. */
    private static ProductSnapshot smartyShirt(String name, String blue, String red) {
        return new ProductSnapshot("smarty", "1", name, "Cotone", null, List.of("Abbigliamento", "Maglie"), List.of("https://img/1.jpg"),
                List.of(new ProductSnapshot.VariantSnapshot("v2", "MAGLIA-BLU", null, new Money(new BigDecimal(blue), "EUR"), List.of("Blu")),
                        new ProductSnapshot.VariantSnapshot("v3", "MAGLIA-ROSSA", null, new Money(new BigDecimal(red), "EUR"), List.of("Rossa"))));
    }
}

package dev.enlace.connector.relbase.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.relbase.simulator.RelbaseSeed;
import dev.enlace.connector.relbase.simulator.RelbaseSimulator;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.DocumentRequest;
import dev.enlace.platform.connectors.ErpDocuments;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.connectors.IssuedDocument;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.SecretRef;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.simulator.SimulatorServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relBase connector as services use it ({@link Connectors#require}), against the simulator
 * started in this JVM: catalogue paging, stock over warehouses, documents and their DO8 lookup,
 * and 403 rate limiting absorbed by retries.
 */
@QuarkusTest
@QuarkusTestResource(value = EnlaceTestResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_relbase_test"))
class RelbaseConnectorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    static Vertx vertx;
    static RelbaseSimulator sim;
    static SimulatorServer server;
    static Path secrets;

    @Inject
    Connectors connectors;

    RelbaseSimulator.CompanyAccess company;
    Connection connection;
    long mainWarehouse;

    @BeforeAll
    static void startSimulator() throws IOException {
        vertx = Vertx.vertx();
        sim = new RelbaseSimulator(vertx);
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        secrets = Files.createTempDirectory("relbase-secrets");
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void newCompany() throws IOException {
        company = sim.createCompany("Comercial Enlace SpA");
        mainWarehouse = sim.defaultWarehouse(company.companyId());
        Path companyToken = Files.writeString(secrets.resolve(company.companyId() + ".company"), company.companyToken() + "\n");
        Path userToken = Files.writeString(secrets.resolve(company.companyId() + ".user"), company.userToken() + "\n");
        connection = new Connection("relbase", URI.create(server.baseUrl() + "/api/v1"), Map.of(), Map.of(
                "companyToken", SecretRef.parse("file:" + companyToken.getFileName(), secrets),
                "userToken", SecretRef.parse("file:" + userToken.getFileName(), secrets)));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private RelbaseSeed.Result seed(List<RelbaseSeed.Warehouse> warehouses, RelbaseSeed.Product... products) {
        return sim.seed(company.companyId(), new RelbaseSeed(warehouses, List.of(products)));
    }

    private RelbaseSeed.Product product(String code, long price, long stock) {
        return new RelbaseSeed.Product(code, "Producto " + code, null, BigDecimal.valueOf(price), null,
                Map.of(String.valueOf(mainWarehouse), BigDecimal.valueOf(stock)));
    }

    @Test
    void catalogueListsEveryProductAcrossPagesWithItsCodeAsSku() {
        sim.seed(company.companyId(), new RelbaseSeed(null, IntStream.range(0, 230)
                .mapToObj(i -> product("SKU-" + i, 1000, 1)).toList()));
        List<CatalogVariant> variants = await(connectors.require(VariantCatalog.class, "relbase").variants(connection)
                .collect().asList());
        assertThat(variants).hasSize(230);
        assertThat(variants).extracting(CatalogVariant::sku).contains("SKU-0", "SKU-229").doesNotHaveDuplicates();
        CatalogVariant first = variants.get(0);
        assertThat(first.ref().variantId()).isEqualTo(first.ref().productId())
                .isEqualTo(String.valueOf(sim.productId(company.companyId(), first.sku())));
    }

    @Test
    void stockIsSummedOverTheTenantsWarehousesOrAllOfThem() {
        RelbaseSeed.Result r = seed(List.of(new RelbaseSeed.Warehouse("Sala de ventas", null)),
                new RelbaseSeed.Product("BAR-045", "Barra", null, BigDecimal.valueOf(1990), null,
                        Map.of(String.valueOf(mainWarehouse), BigDecimal.valueOf(12), "#0", new BigDecimal("3.5"))));
        String id = String.valueOf(r.productIds().get(0));
        String sala = String.valueOf(r.warehouseIds().get(0));
        ErpStockSource source = connectors.require(ErpStockSource.class, "relbase");
        ErpStock all = await(source.stock(connection, id, List.of()));
        assertThat(all.quantity()).isEqualByComparingTo("15.5");
        assertThat(all.sku()).isEqualTo("BAR-045");
        assertThat(await(source.stock(connection, id, List.of(sala))).quantity()).isEqualByComparingTo("3.5");
    }

    @Test
    void pollingReadsEveryProductsStockFromTheListsInventories() {
        RelbaseSeed.Result r = seed(null, product("A-1", 1000, 4), product("A-2", 1000, -2));
        List<ErpStock> stock = await(connectors.require(ErpStockSnapshot.class, "relbase").allStock(connection, List.of())
                .collect().asList());
        assertThat(stock).extracting(ErpStock::sku).containsExactlyInAnyOrder("A-1", "A-2");
        assertThat(stock).filteredOn(s -> s.sku().equals("A-2")).first()
                .satisfies(s -> assertThat(s.quantity()).isEqualByComparingTo("-2"))
                .satisfies(s -> assertThat(s.variantId()).isEqualTo(String.valueOf(r.productIds().get(1))));
    }

    private static OrderLine line(String sku, long qty, long grossPrice) {
        return new OrderLine(sku, null, null, sku, BigDecimal.valueOf(qty), Money.of(String.valueOf(grossPrice), "CLP"),
                Money.of("0", "CLP"), BigDecimal.valueOf(19), true);
    }

    private static OrderSnapshot order(String id, BillingChoice billing, OrderLine... lines) {
        long total = List.of(lines).stream().mapToLong(l -> l.unitPrice().amount().multiply(l.quantity()).longValue()).sum();
        return new OrderSnapshot("jumpseller", id, "paid", null, "CLP", List.of(lines),
                new CustomerSnapshot("jumpseller", "77", "compras@sur.cl", "+56911112222", "Ana", "Rojas", null, null, null, List.of()),
                new Address("Ana Rojas", "Av. Matta 100", "Santiago", "Santiago", "RM", null, "CL"),
                billing, "webpay", false, Money.of(String.valueOf(total), "CLP"), Money.of("0", "CLP"), Money.of("0", "CLP"),
                null, Money.of(String.valueOf(total), "CLP"), OffsetDateTime.now());
    }

    private DocumentRequest request(OrderSnapshot order, String type) {
        return new DocumentRequest("acme", order.orderId(), DocumentPurpose.SALE, type, order,
                Map.of("office", String.valueOf(mainWarehouse)), null);
    }

    @Test
    void aBoletaIsIssuedWithGrossTotalsAndDiscountsStockInTheWarehouse() {
        seed(null, product("BAR-045", 1990, 10), product("AGUA-1L", 790, 10));
        OrderSnapshot order = order("1042", BillingChoice.receipt(), line("BAR-045", 2, 1990), line("AGUA-1L", 1, 790));
        IssuedDocument doc = await(connectors.require(ErpDocuments.class, "relbase").issue(connection, request(order, null)));
        assertThat(doc.documentType()).isEqualTo("39");
        assertThat(doc.folio()).isEqualTo("1");
        assertThat(doc.total().amount()).isEqualByComparingTo("4770");
        assertThat(doc.net().amount().add(doc.tax().amount())).isEqualByComparingTo("4770");
        assertThat(doc.tax().amount()).isEqualByComparingTo("762");
        assertThat(doc.publicUrl()).endsWith(".pdf");
        long bar = sim.productId(company.companyId(), "BAR-045");
        assertThat(sim.stock(company.companyId(), bar, mainWarehouse)).isEqualByComparingTo("8");
        JsonNode issued = sim.dtes(company.companyId()).get(0);
        assertThat(issued.get("label_value").asText()).isEqualTo("Pedido #1042");
        assertThat(issued.get("mnt_bruto").asBoolean()).isTrue();
    }

    @Test
    void aFacturaCreatesTheCustomerFromTheCheckoutTaxDataOnce() {
        seed(null, product("BAR-045", 1990, 10));
        BillingChoice factura = new BillingChoice(DocumentKind.INVOICE, "76.123.456-0", "Comercial Sur SpA", "Comercio al por menor");
        ErpDocuments documents = connectors.require(ErpDocuments.class, "relbase");
        IssuedDocument first = await(documents.issue(connection, request(order("2001", factura, line("BAR-045", 1, 1990)), null)));
        IssuedDocument second = await(documents.issue(connection, request(order("2002", factura, line("BAR-045", 1, 1990)), "33")));
        assertThat(first.documentType()).isEqualTo("33");
        assertThat(List.of(first.folio(), second.folio())).containsExactly("1", "2");
        List<JsonNode> dtes = sim.dtes(company.companyId());
        assertThat(dtes.get(0).get("customer_id").asLong()).isEqualTo(dtes.get(1).get("customer_id").asLong()).isPositive();
    }

    @Test
    void aNotaDeVentaIsIssuedWhenTheTenantChoosesIt() {
        seed(null, product("BAR-045", 1990, 10));
        IssuedDocument doc = await(connectors.require(ErpDocuments.class, "relbase")
                .issue(connection, request(order("3001", BillingChoice.receipt(), line("BAR-045", 1, 1990)), "1001")));
        assertThat(doc.documentType()).isEqualTo("1001");
        assertThat(doc.total().amount()).isEqualByComparingTo("1990");
    }

    @Test
    void findReturnsTheDocumentAlreadyIssuedForTheOrder() {
        seed(null, product("BAR-045", 1990, 10));
        ErpDocuments documents = connectors.require(ErpDocuments.class, "relbase");
        DocumentRequest request = request(order("4001", BillingChoice.receipt(), line("BAR-045", 1, 1990)), null);
        DocumentRequest other = request(order("4002", BillingChoice.receipt(), line("BAR-045", 1, 1990)), null);
        assertThat(await(documents.find(connection, request))).isEmpty();
        IssuedDocument issued = await(documents.issue(connection, request));
        await(documents.issue(connection, other));
        Optional<IssuedDocument> found = await(documents.find(connection, request));
        assertThat(found).isPresent();
        assertThat(found.get().documentId()).isEqualTo(issued.documentId());
        assertThat(found.get().folio()).isEqualTo(issued.folio());
        assertThat(found.get().total()).isEqualTo(issued.total());
    }

    @Test
    void anOrderWithAnUnknownSkuIsNotIssued() {
        seed(null, product("BAR-045", 1990, 10));
        ErpDocuments documents = connectors.require(ErpDocuments.class, "relbase");
        DocumentRequest request = request(order("5001", BillingChoice.receipt(), line("BAR-045", 1, 1990), line("NOPE", 1, 100)), null);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> await(documents.issue(connection, request))))
                .hasMessageContaining("NOPE");
        assertThat(sim.dtes(company.companyId())).isEmpty();
    }

    @Test
    void rateLimit403sAreRetriedWithoutLosingCalls() {
        RelbaseSeed.Result r = sim.seed(company.companyId(), new RelbaseSeed(null, IntStream.range(0, 10)
                .mapToObj(i -> product("R-" + i, 1000, i)).toList()));
        // the connector paces itself at 7/s; a company limited to 3/s makes it meet relBase's 403
        sim.setRateLimit(company.companyId(), 3);
        ErpStockSource source = connectors.require(ErpStockSource.class, "relbase");
        List<Uni<ErpStock>> reads = r.productIds().stream()
                .map(id -> source.stock(connection, String.valueOf(id), List.of())).toList();
        List<ErpStock> stock = await(Uni.join().all(reads).andFailFast());
        assertThat(stock).hasSize(10);
        assertThat(stock).extracting(s -> s.quantity().intValue()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(sim.rateLimitedCalls(company.companyId())).isPositive();
    }
}

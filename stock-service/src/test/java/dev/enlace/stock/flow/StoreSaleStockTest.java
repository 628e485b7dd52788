package dev.enlace.stock.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.simulator.BsaleSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.Money;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.ProductLinked;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * ST2 with Bsale: a paid store order (OrderPaid, as order-service publishes it) lowers the Bsale stock
 * exactly once, through a stock consumption when the tenant issues no documents, and not at all from
 * here when its documents do it; a cancellation gives the units back once, through a stock reception.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class StoreSaleStockTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong ORDERS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ContractEvents contract;

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created acme = SimulatedTenantResources.tenant("acme");
    private final DemoTenant.Created docs = SimulatedTenantResources.tenant("docs");
    private final DemoTenant.Created allstock = SimulatedTenantResources.tenant("allstock");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    Pool pool;

    @BeforeAll
    static void linkAll() {
        LinkedTenants.ensureLinked();
        contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers());
        DemoTenant.Created docs = SimulatedTenantResources.tenant("docs");
        for (String sku : docs.skus()) {
            var store = SimulatedTenantResources.simulators().jumpseller().stock(docs.storeCode(), sku);
            contract.publish("docs", sku, new ProductLinked("docs", sku,
                    new ExternalRef("bsale", "p", String.valueOf(docs.bsaleVariants().get(sku))),
                    new ExternalRef("jumpseller", String.valueOf(store.productId()),
                            store.variantId() == null ? null : String.valueOf(store.variantId())),
                    LinkMethod.SKU, OffsetDateTime.now()));
        }
    }

    /** Links travel on their own topic: an order is only matched against the links already known. */
    @org.junit.jupiter.api.BeforeEach
    void linksKnown() {
        for (var tenant : List.of(acme, docs, allstock)) {
            for (String sku : tenant.stockOnly()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> linked(tenant.id(), sku));
            }
        }
    }

    @AfterAll
    static void close() {
        contract.close();
    }

    @Test
    void paidOrderLowersBsaleStockByOneConsumption() throws Exception { // ST2
        String first = acme.stockOnly().get(0);
        String second = acme.stockOnly().get(1);
        double firstBefore = erp(acme, first);
        double secondBefore = erp(acme, second);
        OrderSnapshot order = order(line(first, 2), line(second, 1), line(first, 1));

        contract.publish("acme", order.orderId(), new OrderPaid("acme", order, OffsetDateTime.now()));

        awaitState("acme", order.orderId(), "OUT", "DONE");
        assertThat(erp(acme, first)).isEqualTo(firstBefore - 3);
        assertThat(erp(acme, second)).isEqualTo(secondBefore - 1);
        List<JsonNode> consumptions = moves(acme, "consumptions", order.orderId());
        assertThat(consumptions).hasSize(1);
        assertThat(consumptions.get(0).path("office").path("id").asText()).isEqualTo(String.valueOf(DemoTenant.OFFICE));
    }

    @Test
    void tenantThatNamesNoOfficeConsumesInBsalesDefaultOffice() throws Exception { // ST2, ST8
        String sku = allstock.stockOnly().get(3);
        double before = erp(allstock, sku);
        OrderSnapshot order = order(line(sku, 1));

        contract.publish("allstock", order.orderId(), new OrderPaid("allstock", order, OffsetDateTime.now()));

        awaitState("allstock", order.orderId(), "OUT", "DONE");
        List<JsonNode> consumptions = moves(allstock, "consumptions", order.orderId());
        assertThat(consumptions).hasSize(1);
        assertThat(consumptions.get(0).path("office").path("id").asText()).isEqualTo(String.valueOf(DemoTenant.OFFICE));
        assertThat(erp(allstock, sku)).isEqualTo(before - 1);
    }

    @Test
    void paidOrderDeliveredFiveTimesMakesOneConsumption() throws Exception { // ST2
        String sku = acme.stockOnly().get(2);
        double before = erp(acme, sku);
        OrderSnapshot order = order(line(sku, 1));

        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(contract.publish("acme", order.orderId(), new OrderPaid("acme", order, OffsetDateTime.now())));
        }

        awaitState("acme", order.orderId(), "OUT", "DONE");
        // every delivery was handled, not only the first
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT count(*) AS n FROM processed_event"
                        + " WHERE consumer = 'erp-stock-moves' AND event_id = ANY($1)")
                .execute(Tuple.of(deliveries.toArray(new String[0]))).await().indefinitely().iterator().next()
                .getLong("n") == 5);
        assertThat(rows("acme", order.orderId())).isEqualTo(1);
        assertThat(moves(acme, "consumptions", order.orderId())).hasSize(1);
        assertThat(erp(acme, sku)).isEqualTo(before - 1);
    }

    @Test
    void withDocumentsOnTheDocumentMovesTheStockAndNoConsumptionIsMade() throws Exception { // ST2
        String sku = docs.stockOnly().get(0);
        double before = erp(docs, sku);
        OrderSnapshot order = order(line(sku, 2));

        contract.publish("docs", order.orderId(), new OrderPaid("docs", order, OffsetDateTime.now()));

        awaitState("docs", order.orderId(), "OUT", "BY_DOCUMENT");
        assertThat(moves(docs, "consumptions", order.orderId())).isEmpty();
        assertThat(erp(docs, sku)).isEqualTo(before);
    }

    @Test
    void cancelledOrderGetsItsStockBackByOneReception() throws Exception { // ST2
        String sku = acme.stockOnly().get(3);
        double before = erp(acme, sku);
        OrderSnapshot order = order(line(sku, 2));
        contract.publish("acme", order.orderId(), new OrderPaid("acme", order, OffsetDateTime.now()));
        awaitState("acme", order.orderId(), "OUT", "DONE");
        assertThat(erp(acme, sku)).isEqualTo(before - 2);

        contract.publish("acme", order.orderId(), new OrderCancelled("acme", order, OffsetDateTime.now()));
        contract.publish("acme", order.orderId(), new OrderCancelled("acme", order, OffsetDateTime.now()));

        awaitState("acme", order.orderId(), "IN", "DONE");
        assertThat(moves(acme, "receptions", order.orderId())).hasSize(1);
        assertThat(erp(acme, sku)).isEqualTo(before);
        given().when().get("/tenants/acme/orders/" + order.orderId() + "/stock-moves").then().statusCode(200)
                .body("direction", org.hamcrest.Matchers.contains("OUT", "IN"))
                .body("state", org.hamcrest.Matchers.contains("DONE", "DONE"))
                .body("[1].lines[0].sku", equalTo(sku));
    }

    @Test
    void consumptionBsaleRefusesIsListedAsAFailure() throws Exception { // ST2, OP3
        String sku = acme.stockOnly().get(5);
        double before = erp(acme, sku);
        OrderSnapshot order = order(line(sku, 100_000));

        contract.publish("acme", order.orderId(), new OrderPaid("acme", order, OffsetDateTime.now()));

        awaitState("acme", order.orderId(), "OUT", "FAILED");
        given().queryParam("tenant", "acme").queryParam("status", "OPEN").when().get("/failures").then().statusCode(200)
                .body("find { it.reference == '" + order.orderId() + ":OUT' }.kind", equalTo("erp-stock-move"))
                .body("find { it.reference == '" + order.orderId() + ":OUT' }.reason", containsString("no stock"));
        assertThat(moves(acme, "consumptions", order.orderId())).isEmpty();
        assertThat(erp(acme, sku)).isEqualTo(before);
    }

    @Test
    void consumptionSentBeforeACrashIsFoundNotMadeAgain() throws Exception { // ST2, exactly once after a crash
        String sku = acme.stockOnly().get(4);
        double before = erp(acme, sku);
        OrderSnapshot order = order(line(sku, 1));
        contract.publish("acme", order.orderId(), new OrderPaid("acme", order, OffsetDateTime.now()));
        awaitState("acme", order.orderId(), "OUT", "DONE");
        String recorded = erpMoveId("acme", order.orderId());

        // the worker died after Bsale recorded the consumption, before it could say so: SENDING, lease expired
        pool.preparedQuery("UPDATE erp_stock_move SET state = 'SENDING', erp_move_id = NULL,"
                        + " locked_until = now() - interval '1 second' WHERE tenant = $1 AND order_id = $2")
                .execute(Tuple.of("acme", order.orderId())).await().indefinitely();

        await().atMost(WAIT).until(() -> recorded.equals(erpMoveId("acme", order.orderId())));
        assertThat(moves(acme, "consumptions", order.orderId())).hasSize(1);
        assertThat(erp(acme, sku)).isEqualTo(before - 1);
    }

    @Test
    void lineNotLinkedAtPaymentIsConsumedOnceWhenItsLinkAppears() throws Exception { // ST2
        String late = "ACME-LATE-" + ORDERS.get();
        long lateVariant = sims.bsale().seed(acme.cpnId(), new BsaleSeed(List.of(), List.of(new BsaleSeed.Product(late, null,
                0, 1, 1, List.of(new BsaleSeed.Variant(late, null, "Unidad", 0, 0, 9990.0, Map.of(DemoTenant.OFFICE, 10.0)))))))
                .variantIds().get(0);
        sims.jumpseller().seedProducts(acme.storeCode(), List.of(new JumpsellerAdmin.ProductSeed(late, late, 11890.0, 0,
                false, "available", List.of())));
        OrderSnapshot order = order(line(late, 2));
        contract.publish("acme", order.orderId(), new OrderPaid("acme", order, OffsetDateTime.now()));
        awaitState("acme", order.orderId(), "OUT", "NOTHING_LINKED");

        var store = sims.jumpseller().stock(acme.storeCode(), late);
        for (int i = 0; i < 2; i++) {
            contract.publish("acme", late, new ProductLinked("acme", late, new ExternalRef("bsale", "p", String.valueOf(lateVariant)),
                    new ExternalRef("jumpseller", String.valueOf(store.productId()), null), LinkMethod.SKU, OffsetDateTime.now()));
        }

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> "DONE".equals(pool.preparedQuery(
                        "SELECT state FROM erp_stock_move WHERE tenant = 'acme' AND order_id = $1 AND direction = 'OUT' AND part = $2")
                .execute(Tuple.of(order.orderId(), late)).await().indefinitely().stream().map(r -> r.getString("state"))
                .findFirst().orElse(null)));
        List<JsonNode> lateConsumptions = moves(acme, "consumptions", order.orderId() + " (" + late + ")");
        assertThat(lateConsumptions).hasSize(1);
        assertThat(sims.bsale().stock(acme.cpnId(), lateVariant, DemoTenant.OFFICE).quantity()).isEqualTo(8.0);
        assertThat(moves(acme, "consumptions", order.orderId())).isEmpty();
        assertThat(rows("acme", order.orderId())).isEqualTo(2);
    }

    private static OrderSnapshot order(OrderLine... lines) {
        String id = String.valueOf(ORDERS.incrementAndGet());
        return new OrderSnapshot("jumpseller", id, "paid", null, "CLP", List.of(lines), null, null, null, null,
                false, null, null, null, null, null, OffsetDateTime.now());
    }

    private static OrderLine line(String sku, int quantity) {
        Money price = new Money(new BigDecimal("11990"), "CLP");
        return new OrderLine(sku, null, null, sku, BigDecimal.valueOf(quantity), price, new Money(BigDecimal.ZERO, "CLP"),
                new BigDecimal("19"), true);
    }

    private double erp(DemoTenant.Created tenant, String sku) {
        return sims.bsale().stock(tenant.cpnId(), tenant.bsaleVariants().get(sku), DemoTenant.OFFICE).quantity();
    }

    private void awaitState(String tenant, String orderId, String direction, String state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                state(tenant, orderId, direction)).as("state of %s %s", direction, orderId).isEqualTo(state));
    }

    private String state(String tenant, String orderId, String direction) {
        var rows = pool.preparedQuery("SELECT state, last_error FROM erp_stock_move WHERE tenant = $1 AND order_id = $2"
                + " AND direction = $3").execute(Tuple.of(tenant, orderId, direction)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("state");
    }

    private String erpMoveId(String tenant, String orderId) {
        Row row = pool.preparedQuery("SELECT erp_move_id FROM erp_stock_move WHERE tenant = $1 AND order_id = $2"
                + " AND direction = 'OUT'").execute(Tuple.of(tenant, orderId)).await().indefinitely().iterator().next();
        return row.getString("erp_move_id");
    }

    private long rows(String tenant, String orderId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM erp_stock_move WHERE tenant = $1 AND order_id = $2")
                .execute(Tuple.of(tenant, orderId)).await().indefinitely().iterator().next().getLong("n");
    }

    private boolean linked(String tenant, String sku) {
        return pool.preparedQuery("SELECT 1 FROM stock_link WHERE tenant = $1 AND sku = $2")
                .execute(Tuple.of(tenant, sku)).await().indefinitely().size() > 0;
    }

    /** The company's receptions or consumptions whose note names the order, read through Bsale's API. */
    private List<JsonNode> moves(DemoTenant.Created tenant, String kind, String orderId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        String next = sims.bsaleUrl() + "/v1/stocks/" + kind + ".json?limit=50";
        while (next != null) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(next))
                    .header("access_token", tenant.bsaleToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(m -> {
                if (m.path("note").asText().endsWith("#" + orderId)) {
                    found.add(m);
                }
            });
            next = page.hasNonNull("next") ? page.get("next").asText() : null;
        }
        return found;
    }
}

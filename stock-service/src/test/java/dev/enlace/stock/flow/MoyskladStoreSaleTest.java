package dev.enlace.stock.flow;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.moysklad.simulator.MoyskladSeed;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator;
import dev.enlace.events.CustomerSnapshot;
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
import dev.enlace.testing.MoyskladTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * ST2 with MoySklad, through the customer order: a paid store order is one customer order (externalCode =
 * the store order) whose positions reserve the units, which lowers MoySklad's free stock, the figure the
 * store gets (ST1); a cancellation releases the reserve. Lines linked after payment join the same order
 * once. Each test sells its own new item, so the figures are its own.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class MoyskladStoreSaleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong ORDERS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100 + 50);
    private static final AtomicLong ITEMS = new AtomicLong();
    private static ContractEvents contract;

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final MoyskladTenant.Created sklad = SimulatedTenantResources.sklad();

    @Inject
    Pool pool;

    /** A MoySklad product (10 in the main warehouse) and the store product with its SKU. */
    record Item(String sku, String productId, String assortmentId) {
    }

    @BeforeAll
    static void connect() {
        contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers());
    }

    @AfterAll
    static void close() {
        contract.close();
    }

    @Test
    void paidOrderIsOneCustomerOrderReservingItsUnitsAndTheStoreFollows_ST2() {
        Item item = linkedItem();
        await().atMost(WAIT).until(() -> store(item) == 10);
        OrderSnapshot order = order(buyer("ana"), line(item, 2));

        contract.publish("sklad", order.orderId(), new OrderPaid("sklad", order, OffsetDateTime.now()));

        awaitState(order, "OUT", "", "DONE");
        MoyskladSimulator.CustomerOrderView created = onlyCustomerOrder(order);
        assertThat(created.applicable()).isTrue();
        assertThat(created.storeId()).isEqualTo(sklad.storeIds().get(0));
        assertThat(created.positions()).singleElement().satisfies(p -> {
            assertThat(p.assortmentId()).isEqualTo(item.assortmentId());
            assertThat(p.quantity()).isEqualTo(2.0);
            assertThat(p.reserve()).isEqualTo(2.0);
            assertThat(p.price()).isEqualTo(99_000.0);
        });
        assertThat(sims.moysklad().counterparties(sklad.accountId())).filteredOn(c -> c.id().equals(created.agentId()))
                .singleElement().satisfies(c -> assertThat(c.email()).isEqualTo(order.customer().email()));
        assertThat(level(item).reserve()).isEqualTo(2.0);
        assertThat(level(item).stock()).isEqualTo(10.0);
        // the reserve lowers MoySklad's free stock, the figure the store sells (ST1)
        await().atMost(WAIT).until(() -> store(item) == 8);
        assertThat(erpMoveId(order, "OUT", "")).isEqualTo(created.id());
    }

    @Test
    void paidOrderDeliveredThreeTimesMakesOneCustomerOrder_ST2() {
        Item item = linkedItem();
        OrderSnapshot order = order(buyer("boris"), line(item, 1));

        List<String> deliveries = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(contract.publish("sklad", order.orderId(), new OrderPaid("sklad", order, OffsetDateTime.now())));
        }

        awaitState(order, "OUT", "", "DONE");
        // every delivery was handled, not only the first
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT count(*) AS n FROM processed_event"
                        + " WHERE consumer = 'erp-stock-moves' AND event_id = ANY($1)")
                .execute(Tuple.of(deliveries.toArray(new String[0]))).await().indefinitely().iterator().next()
                .getLong("n") == 3);
        assertThat(rows(order, "OUT")).isEqualTo(1);
        assertThat(onlyCustomerOrder(order).positions()).singleElement()
                .satisfies(p -> assertThat(p.reserve()).isEqualTo(1.0));
        assertThat(level(item).reserve()).isEqualTo(1.0);
    }

    @Test
    void customerOrderCreatedBeforeACrashIsFoundByExternalCodeNotCreatedAgain_ST2() {
        Item item = linkedItem();
        OrderSnapshot order = order(buyer("vera"), line(item, 3));
        contract.publish("sklad", order.orderId(), new OrderPaid("sklad", order, OffsetDateTime.now()));
        awaitState(order, "OUT", "", "DONE");
        String recorded = erpMoveId(order, "OUT", "");

        // the worker died after MoySklad created the order, before it could say so: SENDING, lease expired
        pool.preparedQuery("UPDATE erp_stock_move SET state = 'SENDING', erp_move_id = NULL,"
                        + " locked_until = now() - interval '1 second' WHERE tenant = 'sklad' AND order_id = $1")
                .execute(Tuple.of(order.orderId())).await().indefinitely();

        await().atMost(WAIT).until(() -> recorded.equals(erpMoveId(order, "OUT", "")));
        assertThat(onlyCustomerOrder(order).id()).isEqualTo(recorded);
        assertThat(level(item).reserve()).isEqualTo(3.0);
    }

    @Test
    void cancelledOrderReleasesTheReserveAndTheStoreGetsItsUnitsBack_ST2() {
        Item item = linkedItem();
        await().atMost(WAIT).until(() -> store(item) == 10);
        OrderSnapshot order = order(buyer("gleb"), line(item, 4));
        contract.publish("sklad", order.orderId(), new OrderPaid("sklad", order, OffsetDateTime.now()));
        awaitState(order, "OUT", "", "DONE");
        await().atMost(WAIT).until(() -> store(item) == 6);

        contract.publish("sklad", order.orderId(), new OrderCancelled("sklad", order, OffsetDateTime.now()));
        contract.publish("sklad", order.orderId(), new OrderCancelled("sklad", order, OffsetDateTime.now()));

        awaitState(order, "IN", "", "DONE");
        MoyskladSimulator.CustomerOrderView cancelled = onlyCustomerOrder(order);
        assertThat(cancelled.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(4.0);
            assertThat(p.reserve()).isZero();
        });
        assertThat(cancelled.state()).isEqualTo("Отменен");
        assertThat(cancelled.stateType()).isEqualTo("Unsuccessful");
        assertThat(level(item).reserve()).isZero();
        await().atMost(WAIT).until(() -> store(item) == 10);
    }

    @Test
    void sameBuyerIsFoundByEmailNotCreatedTwice_ST2() {
        Item item = linkedItem();
        CustomerSnapshot buyer = buyer("dina");
        OrderSnapshot first = order(buyer, line(item, 1));
        OrderSnapshot second = order(buyer, line(item, 1));

        contract.publish("sklad", first.orderId(), new OrderPaid("sklad", first, OffsetDateTime.now()));
        awaitState(first, "OUT", "", "DONE");
        contract.publish("sklad", second.orderId(), new OrderPaid("sklad", second, OffsetDateTime.now()));
        awaitState(second, "OUT", "", "DONE");

        assertThat(onlyCustomerOrder(second).agentId()).isEqualTo(onlyCustomerOrder(first).agentId());
        assertThat(sims.moysklad().counterparties(sklad.accountId()))
                .filteredOn(c -> buyer.email().equals(c.email())).hasSize(1);
    }

    @Test
    void lineNotLinkedAtPaymentJoinsTheCustomerOrderOnceItsLinkAppears_ST2() {
        Item linked = linkedItem();
        Item late = newItem();
        OrderSnapshot order = order(buyer("lev"), line(linked, 1), line(late, 2));
        contract.publish("sklad", order.orderId(), new OrderPaid("sklad", order, OffsetDateTime.now()));
        awaitState(order, "OUT", "", "DONE");
        assertThat(onlyCustomerOrder(order).positions()).singleElement()
                .satisfies(p -> assertThat(p.assortmentId()).isEqualTo(linked.assortmentId()));
        given().when().get("/tenants/sklad/orders/" + order.orderId() + "/stock-moves").then().statusCode(200)
                .body("find { it.part == '" + late.sku() + "' }.state", equalTo("WAITING_LINK"));

        // catalog-service announces the link, and announces it again
        link(late);
        link(late);

        awaitState(order, "OUT", late.sku(), "DONE");
        MoyskladSimulator.CustomerOrderView updated = onlyCustomerOrder(order);
        assertThat(updated.positions()).hasSize(2);
        assertThat(updated.positions()).filteredOn(p -> p.assortmentId().equals(late.assortmentId())).singleElement()
                .satisfies(p -> {
                    assertThat(p.quantity()).isEqualTo(2.0);
                    assertThat(p.reserve()).isEqualTo(2.0);
                });
        assertThat(level(late).reserve()).isEqualTo(2.0);
        assertThat(rows(order, "OUT")).isEqualTo(2);
        given().when().get("/tenants/sklad/orders/" + order.orderId() + "/stock-moves").then().statusCode(200)
                .body("part", hasItems("", late.sku()))
                .body("state", hasItems("DONE"))
                .body("find { it.part == '" + late.sku() + "' }.lines[0].variantId", equalTo(late.assortmentId()));
    }

    @Test
    void orderCancelledBeforeItsLineWasLinkedNeverMovesIt_ST2() {
        Item late = newItem();
        OrderSnapshot order = order(buyer("mila"), line(late, 2));
        contract.publish("sklad", order.orderId(), new OrderPaid("sklad", order, OffsetDateTime.now()));
        awaitState(order, "OUT", "", "NOTHING_LINKED");
        contract.publish("sklad", order.orderId(), new OrderCancelled("sklad", order, OffsetDateTime.now()));
        awaitState(order, "OUT", "", "CANCELLED");

        link(late);
        awaitLinked(late);
        // a later order of the same item, once moved, shows the worker has seen the link
        OrderSnapshot after = order(buyer("mila"), line(late, 1));
        contract.publish("sklad", after.orderId(), new OrderPaid("sklad", after, OffsetDateTime.now()));
        awaitState(after, "OUT", "", "DONE");

        assertThat(customerOrders(order)).isEmpty();
        assertThat(rows(order, "OUT")).isEqualTo(1);
        assertThat(level(late).reserve()).isEqualTo(1.0);
        given().when().get("/tenants/sklad/orders/" + order.orderId() + "/stock-moves").then().statusCode(200)
                .body("find { it.part == '" + late.sku() + "' }.state", equalTo("CANCELLED"));
    }

    // ---- fixtures ----

    private Item linkedItem() {
        Item item = newItem();
        link(item);
        awaitLinked(item);
        return item;
    }

    private void awaitLinked(Item item) {
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT 1 FROM stock_link WHERE tenant = 'sklad' AND sku = $1")
                .execute(Tuple.of(item.sku())).await().indefinitely().size() > 0);
    }

    private Item newItem() {
        String sku = "SKLAD-SALE-" + ORDERS.get() + "-" + ITEMS.incrementAndGet();
        var seeded = sims.moysklad().seed(sklad.accountId(), new MoyskladSeed(List.of(), List.of(new MoyskladSeed.Product(
                "Товар " + sku, sku, null, null, 99_000.0, null, Map.of(MoyskladTenant.MAIN, 10.0), null, null))));
        sims.jumpseller().seedProducts(sklad.storeCode(), List.of(new JumpsellerAdmin.ProductSeed("Товар " + sku, sku,
                990.0, 0, false, "available", List.of())));
        return new Item(sku, seeded.productIds().get(0), seeded.assortmentIds().get(0));
    }

    private void link(Item item) {
        var store = sims.jumpseller().stock(sklad.storeCode(), item.sku());
        contract.publish("sklad", item.sku(), new ProductLinked("sklad", item.sku(),
                new ExternalRef("moysklad", item.productId(), item.assortmentId()),
                new ExternalRef("jumpseller", String.valueOf(store.productId()), null), LinkMethod.SKU, OffsetDateTime.now()));
    }

    private static CustomerSnapshot buyer(String name) {
        return new CustomerSnapshot("jumpseller", null, name + "-" + ORDERS.get() + "@example.com", null, name, "Test",
                null, null, null, List.of());
    }

    private static OrderSnapshot order(CustomerSnapshot buyer, OrderLine... lines) {
        String id = String.valueOf(ORDERS.incrementAndGet());
        return new OrderSnapshot("jumpseller", id, "paid", null, "RUB", List.of(lines), buyer, null, null, null,
                false, null, null, null, null, null, OffsetDateTime.now());
    }

    private static OrderLine line(Item item, int quantity) {
        return new OrderLine(item.sku(), null, null, item.sku(), BigDecimal.valueOf(quantity),
                new Money(new BigDecimal("990"), "RUB"), new Money(BigDecimal.ZERO, "RUB"), new BigDecimal("20"), true);
    }

    private int store(Item item) {
        return sims.jumpseller().stock(sklad.storeCode(), item.sku()).stock();
    }

    private MoyskladSimulator.StockLevel level(Item item) {
        return sims.moysklad().stock(sklad.accountId(), item.assortmentId(), sklad.storeIds().get(0));
    }

    private List<MoyskladSimulator.CustomerOrderView> customerOrders(OrderSnapshot order) {
        return sims.moysklad().customerOrders(sklad.accountId()).stream()
                .filter(o -> ("jumpseller-order-" + order.orderId()).equals(o.externalCode())).toList();
    }

    private MoyskladSimulator.CustomerOrderView onlyCustomerOrder(OrderSnapshot order) {
        List<MoyskladSimulator.CustomerOrderView> found = customerOrders(order);
        assertThat(found).as("customer orders of store order %s", order.orderId()).hasSize(1);
        return found.get(0);
    }

    private void awaitState(OrderSnapshot order, String direction, String part, String state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(pool.preparedQuery(
                        "SELECT state FROM erp_stock_move WHERE tenant = 'sklad' AND order_id = $1 AND direction = $2"
                                + " AND part = $3").execute(Tuple.of(order.orderId(), direction, part)).await().indefinitely()
                .stream().map(r -> r.getString("state")).findFirst().orElse(null))
                .as("state of %s %s %s", direction, part, order.orderId()).isEqualTo(state));
    }

    private String erpMoveId(OrderSnapshot order, String direction, String part) {
        return pool.preparedQuery("SELECT erp_move_id FROM erp_stock_move WHERE tenant = 'sklad' AND order_id = $1"
                        + " AND direction = $2 AND part = $3").execute(Tuple.of(order.orderId(), direction, part))
                .await().indefinitely().iterator().next().getString("erp_move_id");
    }

    private long rows(OrderSnapshot order, String direction) {
        return pool.preparedQuery("SELECT count(*) AS n FROM erp_stock_move WHERE tenant = 'sklad' AND order_id = $1"
                        + " AND direction = $2").execute(Tuple.of(order.orderId(), direction)).await().indefinitely()
                .iterator().next().getLong("n");
    }
}

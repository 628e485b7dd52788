package dev.enlace.order.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.simulator.InsalesAdmin;
import dev.enlace.connector.insales.simulator.InsalesAdmin.Checkout;
import dev.enlace.connector.insales.simulator.InsalesAdmin.FieldValue;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderLineRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ShippingAddress;
import dev.enlace.connector.insales.simulator.InsalesSimulator;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderShipped;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.OrderStatusChanged;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.InsalesTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * OR1 for inSales through the real path: orders placed, paid, declined and dispatched in the inSales
 * simulator, its unsigned {@code orders/create} / {@code orders/update} webhooks (registered by this service
 * itself, OP4) at the tenant's secret URL, the order read back from the shop's API, events on enlace.orders.v1.
 * Tenant {@code shop}: a Bsale company and an inSales shop; these tests sell products of their own, untracked.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_order_test"))
class InsalesOrderFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static KafkaEvents events;
    private static List<Long> variants;

    private final InsalesSimulator insales = SimulatedTenantResources.simulators().insales();
    private final InsalesTenant.Created shop = SimulatedTenantResources.insalesShop();

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.ORDERS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void hooksAndProductsOnce() {
        if (variants != null) {
            return;
        }
        // OP4: the service subscribed the shop to its order webhooks by itself when it loaded the tenant
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> topics = new ArrayList<>();
            for (JsonNode w : mapper.readTree(shopApi("/webhooks.json"))) {
                if (w.get("address").asText().equals(hookUrl()) && w.get("format_type").asText().equals("json")) {
                    topics.add(w.get("topic").asText());
                }
            }
            assertThat(topics).containsExactlyInAnyOrder("orders/create", "orders/update");
        });
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.addAll(insales.seed(shop.shop(), List.of(new InsalesAdmin.ProductSeed("Заказной товар " + i, List.of(
                    new InsalesAdmin.VariantSeed("INS-ORD-" + i, null, new BigDecimal("1490.0"), null))))).get(0).variantIds());
        }
        variants = ids;
    }

    @Test
    void paidOrderIsAnnouncedWithLinesDiscountCustomerPaymentAndTotals() throws Exception { // OR1, DO7
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(
                new OrderLineRequest(variants.get(0), 2, new BigDecimal("298")), new OrderLineRequest(variants.get(1), 1)),
                "Игорь", "igor@example.ru", checkout("Банковской картой", List.of())));
        OrderStatusChanged placed = single(id, OrderStatusChanged.TYPE, OrderStatusChanged.class);
        assertThat(placed.previousStatus()).isNull();
        assertThat(placed.order().status()).isEqualTo("pending");
        assertThat(placed.order().shipmentStatus()).isEqualTo("new");
        insales.payOrder(shop.shop(), id);

        OrderSnapshot o = single(id, OrderPaid.TYPE, OrderPaid.class).order();
        assertThat(o.system()).isEqualTo("insales");
        assertThat(o.orderId()).isEqualTo(String.valueOf(id));
        assertThat(o.status()).isEqualTo("paid");
        assertThat(o.currency()).isEqualTo("RUB");
        assertThat(o.lines()).hasSize(2);
        OrderLine first = o.lines().get(0);
        assertThat(first.sku()).isEqualTo("INS-ORD-1");
        assertThat(first.variantId()).isEqualTo(String.valueOf(variants.get(0)));
        assertThat(first.quantity()).isEqualByComparingTo("2");
        assertThat(first.unitPrice().amount()).isEqualByComparingTo("1490");
        assertThat(first.discount().amount()).isEqualByComparingTo("298");
        assertThat(first.taxIncluded()).isTrue();
        assertThat(o.lines().get(1).discount().amount()).isEqualByComparingTo("0");
        assertThat(o.subtotal().amount()).isEqualByComparingTo("4470");
        assertThat(o.discount().amount()).isEqualByComparingTo("298");
        assertThat(o.shipping().amount()).isEqualByComparingTo("350");
        assertThat(o.total().amount()).isEqualByComparingTo("4522");
        assertThat(o.paymentMethod()).isEqualTo("Банковской картой");
        assertThat(o.cashOnDelivery()).isFalse();
        assertThat(o.customer().email()).isEqualTo("igor@example.ru");
        assertThat(o.customer().lastName()).isEqualTo("Слесарев");
        assertThat(o.shippingAddress().city()).isEqualTo("Москва");
        assertThat(o.billing()).isEqualTo(BillingChoice.receipt()); // DO6: nothing asked, a receipt
        List<OrderStatusChanged> changes = all(id, OrderStatusChanged.TYPE, OrderStatusChanged.class, 2);
        assertThat(changes.get(1).previousStatus()).isEqualTo("pending");
        assertThat(changes.get(1).order().status()).isEqualTo("paid");
    }

    @Test
    void facturaAskedForInCheckoutFieldsIsTheBillingChoice() throws Exception { // DO6
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(variants.get(2), 1)),
                "Juan", "compras@ejemplo.cl", checkout("Transferencia", List.of(new FieldValue("Documento", "Factura"),
                        new FieldValue("RUT", "76.123.456-k"), new FieldValue("Razón Social", "Comercial Ejemplo SpA"),
                        new FieldValue("Giro", "Venta al por menor")))));
        insales.payOrder(shop.shop(), id);
        OrderPaid paid = single(id, OrderPaid.TYPE, OrderPaid.class);
        assertThat(paid.order().billing()).isEqualTo(new BillingChoice(DocumentKind.INVOICE, "76123456-K",
                "Comercial Ejemplo SpA", "Venta al por menor"));
    }

    @Test
    void cashOnDeliveryOrderIsPaidWhenPlacedAndNotAgainWhenCollected() throws Exception { // OR1
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(variants.get(0), 1)),
                "Анна", "anna@example.ru", checkout("Наложенный платёж", List.of())));
        OrderPaid paid = single(id, OrderPaid.TYPE, OrderPaid.class);
        assertThat(paid.order().status()).isEqualTo("pending");
        assertThat(paid.order().cashOnDelivery()).isTrue();

        insales.fulfillOrder(shop.shop(), id, "delivered");
        insales.payOrder(shop.shop(), id); // the courier collected it
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/shop/orders/" + id).then().statusCode(200)
                .body("status", equalTo("paid")));
        assertThat(events.settle(of(id, OrderPaid.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void orderDeclinedBeforeItsPaymentArrivesEndsCancelledAndNeverPaid() throws Exception { // OR1
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(variants.get(1), 1)),
                "Олег", "oleg@example.ru", checkout("Банковской картой", List.of())));
        insales.cancelOrder(shop.shop(), id);
        single(id, OrderCancelled.TYPE, OrderCancelled.class);
        insales.payOrder(shop.shop(), id); // the payment gateway answers late

        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/shop/orders/" + id).then().statusCode(200)
                .body("status", equalTo("paid")).body("cancelled", equalTo(true)).body("paid", equalTo(false)));
        assertThat(events.settle(of(id, OrderPaid.TYPE), QUIET)).isEmpty();
        assertThat(events.settle(of(id, OrderCancelled.TYPE), Duration.ZERO)).hasSize(1);
    }

    @Test
    void paidWebhookRedeliveredFiveTimesGivesOneOrderPaid() throws Exception { // OR1
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(variants.get(2), 1)),
                "Пётр", "petr@example.ru", checkout("Банковской картой", List.of())));
        insales.payOrder(shop.shop(), id);
        single(id, OrderPaid.TYPE, OrderPaid.class);
        String paidBody = deliveredBody(id, "\"financial_status\":\"paid\"");
        int changes = events.settle(of(id, OrderStatusChanged.TYPE), QUIET).size();
        for (int i = 0; i < 5; i++) {
            deliver(paidBody + "\n".repeat(i)); // byte-equal copies, and copies the inbox cannot tell apart
        }
        assertThat(events.settle(of(id, OrderPaid.TYPE), QUIET)).hasSize(1);
        assertThat(events.settle(of(id, OrderStatusChanged.TYPE), Duration.ZERO)).hasSize(changes);
    }

    @Test
    void stalePaidWebhookAfterTheOrderWasDeclinedChangesNothing() throws Exception { // OR1, DO3
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(variants.get(0), 1)),
                "Мария", "maria@example.ru", checkout("Банковской картой", List.of())));
        insales.payOrder(shop.shop(), id);
        single(id, OrderPaid.TYPE, OrderPaid.class);
        String paidBody = deliveredBody(id, "\"financial_status\":\"paid\"");
        insales.cancelOrder(shop.shop(), id);
        OrderCancelled cancelled = single(id, OrderCancelled.TYPE, OrderCancelled.class);
        assertThat(cancelled.order().shipmentStatus()).isEqualTo("declined");

        int changes = events.settle(of(id, OrderStatusChanged.TYPE), QUIET).size();
        deliver(paidBody + "\n"); // late, and not byte-equal: a new delivery to the inbox
        assertThat(events.settle(of(id, OrderStatusChanged.TYPE), QUIET)).hasSize(changes);
        assertThat(events.settle(of(id, OrderPaid.TYPE), Duration.ZERO)).hasSize(1);
        assertThat(events.settle(of(id, OrderCancelled.TYPE), Duration.ZERO)).hasSize(1);
        given().get("/tenants/shop/orders/" + id).then().statusCode(200)
                .body("shipmentStatus", equalTo("declined")).body("cancelled", equalTo(true)).body("paid", equalTo(true));
    }

    @Test
    void dispatchedOrderIsAnnouncedShippedOnce() throws Exception { // OR1, DO4
        long id = insales.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(variants.get(1), 3)),
                "Игорь", "igor@example.ru", checkout("Банковской картой", List.of())));
        insales.payOrder(shop.shop(), id);
        single(id, OrderPaid.TYPE, OrderPaid.class);
        insales.fulfillOrder(shop.shop(), id, "dispatched");
        OrderShipped shipped = single(id, OrderShipped.TYPE, OrderShipped.class);
        assertThat(shipped.order().shipmentStatus()).isEqualTo("dispatched");
        insales.fulfillOrder(shop.shop(), id, "delivered");

        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/shop/orders/" + id).then().statusCode(200)
                .body("shipmentStatus", equalTo("delivered")));
        assertThat(events.settle(of(id, OrderShipped.TYPE), QUIET)).hasSize(1);
        assertThat(parse(events.settle(of(id, OrderStatusChanged.TYPE), Duration.ZERO), OrderStatusChanged.class))
                .last().satisfies(c -> {
                    assertThat(c.previousShipmentStatus()).isEqualTo("dispatched");
                    assertThat(c.order().shipmentStatus()).isEqualTo("delivered");
                });
    }

    private static Checkout checkout(String payment, List<FieldValue> fields) {
        return new Checkout("Слесарев", "+79033215465", new ShippingAddress("Слесарев Игорь", "+79033215465",
                "Рязанский проспект 12", "Москва", null, "109428", "RU"), payment, "Курьер", new BigDecimal("350"), fields);
    }

    private String hookUrl() {
        return SimulatedTenantResources.serviceUrl() + "/webhooks/insales/shop/insales-shop-hook";
    }

    /** A webhook body the shop posted for the order, the latest one that contains {@code marker}. */
    private String deliveredBody(long id, String marker) {
        return await().atMost(WAIT).until(() -> insales.deliveries(shop.shop()).stream()
                .filter(d -> d.address().equals(hookUrl()) && d.body().contains("\"id\":" + id + ",") && d.body().contains(marker))
                .reduce((a, b) -> b).map(InsalesAdmin.WebhookDelivery::body).orElse(null), b -> b != null);
    }

    /** A webhook as inSales posts it: the order at the root, no signature, the secret URL. */
    private void deliver(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hookUrl()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    private String shopApi(String path) throws Exception {
        InsalesAdmin.ShopCredentials c = insales.credentials(shop.shop());
        String basic = "Basic " + Base64.getEncoder().encodeToString((c.apiKey() + ":" + c.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SimulatedTenantResources.simulators()
                .insalesUrl() + c.apiBase() + path)).header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static Predicate<ConsumerRecord<String, CloudEvent>> of(long id, String type) {
        return r -> r.key().equals(Topics.key("shop", String.valueOf(id))) && r.value().getType().equals(type);
    }

    private <T> T single(long id, String type, Class<T> cls) {
        List<ConsumerRecord<String, CloudEvent>> found = events.await(of(id, type), 1, WAIT);
        assertThat(found).as(type + " for order " + id).isNotEmpty();
        return parse(found, cls).get(0);
    }

    private <T> List<T> all(long id, String type, Class<T> cls, int count) {
        List<ConsumerRecord<String, CloudEvent>> found = events.await(of(id, type), count, WAIT);
        assertThat(found).as(type + " for order " + id).hasSize(count);
        return parse(found, cls);
    }

    private <T> List<T> parse(List<ConsumerRecord<String, CloudEvent>> found, Class<T> cls) {
        return found.stream().map(r -> {
            try {
                return mapper.readValue(r.value().getData().toBytes(), cls);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}

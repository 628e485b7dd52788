package dev.enlace.order.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
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
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * OR1 through the real path: orders placed, paid, cancelled and shipped in the Jumpseller simulator, its
 * signed hooks to this service, the order read back from the simulator's API, events on enlace.orders.v1.
 * acme's store sends hooks here (the service registers them itself through {@code POST /v1/hooks.json}, OP4);
 * presale's store sends none, so its tests deliver hooks by hand in the order they choose.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_order_test"))
class JumpsellerOrderFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final List<String> ORDER_HOOKS = List.of("order_pending_payment", "order_paid", "order_updated",
            "order_shipped", "order_canceled");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static KafkaEvents events;
    private static boolean hooked;

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created acme = SimulatedTenantResources.tenant("acme");
    private final DemoTenant.Created presale = SimulatedTenantResources.tenant("presale");

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
    void registerHooksOnce() throws Exception {
        if (hooked) {
            return;
        }
        // OP4: the service subscribed acme's store to its order hooks by itself when it loaded the tenant
        String url = SimulatedTenantResources.serviceUrl() + "/webhooks/jumpseller/acme";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> hooks = storeApi(acme, "/hooks.json", null);
            List<String> subscribed = io.restassured.path.json.JsonPath.from(hooks.body())
                    .getList("findAll { it.hook.url == '" + url + "' }.hook.event");
            assertThat(subscribed).containsAll(ORDER_HOOKS);
        });
        // presale's store was subscribed too; its tests deliver hooks by hand, in the order they choose, so its
        // subscriptions are removed (once they exist: a later registration would bring them back)
        String presaleUrl = SimulatedTenantResources.serviceUrl() + "/webhooks/jumpseller/presale";
        await().atMost(Duration.ofSeconds(20)).until(() -> !presaleHookIds(presaleUrl).isEmpty());
        for (Object hookId : presaleHookIds(presaleUrl)) {
            HttpResponse<String> removed = HTTP.send(HttpRequest.newBuilder(
                            URI.create(sims.jumpsellerUrl() + "/v1/hooks/" + hookId + ".json"))
                    .header("Authorization", basic(presale)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(removed.statusCode()).isEqualTo(200);
        }
        for (DemoTenant.Created t : List.of(acme, presale)) {
            for (String sku : t.skus()) {
                sims.jumpseller().setStock(t.storeCode(), sku, 1000);
            }
        }
        hooked = true;
    }

    @Test
    void paidFacturaOrderIsAnnouncedWithLinesDiscountsBillingAndTotals() throws Exception { // OR1, DO6, DO7
        String withVariant = acme.skus().get(2);
        String simple = acme.skus().get(3);
        long id = sims.jumpseller().placeOrder(acme.storeCode(), factura(List.of(
                new JumpsellerAdmin.OrderLine(withVariant, null, null, 2, null, 1000.0),
                JumpsellerAdmin.OrderLine.sku(simple, 1))));
        OrderStatusChanged placed = single(acme, id, OrderStatusChanged.TYPE, OrderStatusChanged.class);
        assertThat(placed.order().status()).isEqualTo("pending_payment");
        assertThat(placed.previousStatus()).isNull();
        sims.jumpseller().payOrder(acme.storeCode(), id);

        OrderPaid paid = single(acme, id, OrderPaid.TYPE, OrderPaid.class);
        OrderSnapshot o = paid.order();
        assertThat(paid.tenant()).isEqualTo("acme");
        assertThat(o.system()).isEqualTo("jumpseller");
        assertThat(o.orderId()).isEqualTo(String.valueOf(id));
        assertThat(o.status()).isEqualTo("paid");
        assertThat(o.shipmentStatus()).isEqualTo("unfulfilled");
        assertThat(o.currency()).isEqualTo("CLP");
        assertThat(o.subtotal().amount()).isEqualByComparingTo("35670");
        assertThat(o.discount().amount()).isEqualByComparingTo("1000");
        assertThat(o.shipping().amount()).isEqualByComparingTo("3990");
        assertThat(o.total().amount()).isEqualByComparingTo("38660");
        assertThat(o.tax().amount()).isPositive();
        assertThat(o.paymentMethod()).isEqualTo("Webpay");
        assertThat(o.cashOnDelivery()).isFalse();
        assertThat(o.billing()).isEqualTo(new BillingChoice(DocumentKind.INVOICE, "76123456-K",
                "Comercial Ejemplo SpA", "Venta al por menor"));
        assertThat(o.customer().email()).isEqualTo("compras@ejemplo.cl");
        assertThat(o.customer().taxId()).isEqualTo("76123456-K");
        assertThat(o.shippingAddress().street()).isEqualTo("Huérfanos 1160");
        assertThat(o.shippingAddress().municipality()).isEqualTo("Santiago");

        JumpsellerAdmin.StockLevel v = sims.jumpseller().stock(acme.storeCode(), withVariant);
        JumpsellerAdmin.StockLevel s = sims.jumpseller().stock(acme.storeCode(), simple);
        assertThat(o.lines()).hasSize(2);
        OrderLine first = o.lines().get(0);
        assertThat(first.sku()).isEqualTo(withVariant);
        assertThat(first.productId()).isEqualTo(String.valueOf(v.productId()));
        assertThat(first.variantId()).isEqualTo(String.valueOf(v.variantId()));
        assertThat(first.quantity()).isEqualByComparingTo("2");
        assertThat(first.unitPrice().amount()).isEqualByComparingTo("11890");
        assertThat(first.discount().amount()).isEqualByComparingTo("1000");
        assertThat(first.taxRate()).isEqualByComparingTo("19");
        assertThat(first.taxIncluded()).isTrue();
        OrderLine second = o.lines().get(1);
        assertThat(second.sku()).isEqualTo(simple);
        assertThat(second.productId()).isEqualTo(String.valueOf(s.productId()));
        assertThat(second.variantId()).isNull();
        assertThat(second.discount().amount()).isEqualByComparingTo("0");

        List<OrderStatusChanged> changes = all(acme, id, OrderStatusChanged.TYPE, OrderStatusChanged.class, 2);
        assertThat(changes).extracting(c -> c.order().status()).containsExactly("pending_payment", "paid");
        assertThat(changes.get(1).previousStatus()).isEqualTo("pending_payment");
        assertThat(changes.get(1).previousShipmentStatus()).isEqualTo("unfulfilled");
    }

    @Test
    void boletaWithNoCheckoutDataIsAReceipt() throws Exception { // DO6
        long id = sims.jumpseller().placeOrder(acme.storeCode(), new JumpsellerAdmin.OrderRequest(
                new JumpsellerAdmin.Shopper("ana@example.cl", null, null, null), null, null, null, List.of(),
                List.of(JumpsellerAdmin.OrderLine.sku(acme.skus().get(4), 1)), null, null, "Webpay", null, null));
        sims.jumpseller().payOrder(acme.storeCode(), id);
        OrderPaid paid = single(acme, id, OrderPaid.TYPE, OrderPaid.class);
        assertThat(paid.order().billing()).isEqualTo(BillingChoice.receipt());
        assertThat(paid.order().total().amount()).isEqualByComparingTo("11890");
    }

    @Test
    void cashOnDeliveryOrderIsPaidAsSoonAsItIsPlaced() throws Exception { // OR1, settings.orders.cashOnDeliveryIsPaid
        long id = sims.jumpseller().placeOrder(acme.storeCode(), new JumpsellerAdmin.OrderRequest(
                new JumpsellerAdmin.Shopper("luis@example.cl", null, null, null), null, null, null, List.of(),
                List.of(JumpsellerAdmin.OrderLine.sku(acme.skus().get(9), 1)), null, null, "Pago contra entrega", null, null));
        OrderPaid paid = single(acme, id, OrderPaid.TYPE, OrderPaid.class);
        assertThat(paid.order().status()).isEqualTo("pending_payment");
        assertThat(paid.order().cashOnDelivery()).isTrue();
        assertThat(paid.order().paymentMethod()).isEqualTo("Pago contra entrega");

        sims.jumpseller().payOrder(acme.storeCode(), id); // collected on delivery: not a second payment
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/acme/orders/" + id).then().statusCode(200)
                .body("status", equalTo("paid")));
        assertThat(events.settle(of(acme, id, OrderPaid.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void paidHookAndUpdatedHookOfOnePaymentGiveOneOrderPaid() throws Exception { // OR1
        long id = sims.jumpseller().placeOrder(acme.storeCode(), factura(List.of(JumpsellerAdmin.OrderLine.sku(acme.skus().get(5), 1))));
        sims.jumpseller().payOrder(acme.storeCode(), id);
        await().atMost(WAIT).untilAsserted(() -> assertThat(attempts(acme, id, "order_paid")).isNotEmpty());
        await().atMost(WAIT).untilAsserted(() -> assertThat(attempts(acme, id, "order_updated")).hasSizeGreaterThanOrEqualTo(2));
        assertThat(events.settle(of(acme, id, OrderPaid.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void webhookDeliveredFiveTimesGivesOneOrderPaid() throws Exception { // OR1
        long id = sims.jumpseller().placeOrder(presale.storeCode(), factura(List.of(JumpsellerAdmin.OrderLine.sku(presale.skus().get(0), 1))));
        sims.jumpseller().payOrder(presale.storeCode(), id);
        String body = currentOrder(presale, id);
        for (int i = 0; i < 5; i++) {
            deliver(presale, "order_paid", body);
        }
        single(presale, id, OrderPaid.TYPE, OrderPaid.class);
        assertThat(events.settle(of(presale, id, OrderPaid.TYPE), QUIET)).hasSize(1);
        assertThat(events.settle(of(presale, id, OrderStatusChanged.TYPE), Duration.ZERO)).hasSize(1);
    }

    @Test
    void cancellationSeenBeforeThePaidHookEndsCancelledAndNeverPaid() throws Exception { // OR1
        long id = sims.jumpseller().placeOrder(presale.storeCode(), factura(List.of(JumpsellerAdmin.OrderLine.sku(presale.skus().get(1), 1))));
        sims.jumpseller().payOrder(presale.storeCode(), id);
        String paidBody = currentOrder(presale, id);
        sims.jumpseller().cancelOrder(presale.storeCode(), id);
        String cancelledBody = currentOrder(presale, id);

        deliver(presale, "order_canceled", cancelledBody);
        OrderCancelled cancelled = single(presale, id, OrderCancelled.TYPE, OrderCancelled.class);
        assertThat(cancelled.order().status()).isEqualTo("canceled");
        deliver(presale, "order_paid", paidBody); // late and stale: the order is read back as it is now

        assertThat(events.settle(of(presale, id, OrderPaid.TYPE), QUIET)).isEmpty();
        assertThat(events.settle(of(presale, id, OrderCancelled.TYPE), Duration.ZERO)).hasSize(1);
        given().get("/tenants/presale/orders/" + id).then().statusCode(200)
                .body("cancelled", equalTo(true)).body("paid", equalTo(false)).body("status", equalTo("canceled"));
    }

    @Test
    void cancellingAPaidOrderIsAnnouncedOnceAndKeepsItPaid() throws Exception { // OR1, DO3
        long id = sims.jumpseller().placeOrder(acme.storeCode(), factura(List.of(JumpsellerAdmin.OrderLine.sku(acme.skus().get(6), 1))));
        sims.jumpseller().payOrder(acme.storeCode(), id);
        single(acme, id, OrderPaid.TYPE, OrderPaid.class);
        sims.jumpseller().cancelOrder(acme.storeCode(), id);
        OrderCancelled cancelled = single(acme, id, OrderCancelled.TYPE, OrderCancelled.class);
        assertThat(cancelled.order().status()).isEqualTo("canceled");
        assertThat(cancelled.order().lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo(acme.skus().get(6)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/acme/orders/" + id).then().statusCode(200)
                .body("cancelled", equalTo(true)).body("paid", equalTo(true)));
        assertThat(events.settle(of(acme, id, OrderCancelled.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void shippedOrderIsAnnouncedOnceWithItsShipmentStatus() throws Exception { // OR1, DO4
        long id = sims.jumpseller().placeOrder(acme.storeCode(), factura(List.of(JumpsellerAdmin.OrderLine.sku(acme.skus().get(7), 1))));
        sims.jumpseller().payOrder(acme.storeCode(), id);
        single(acme, id, OrderPaid.TYPE, OrderPaid.class);
        sims.jumpseller().shipOrder(acme.storeCode(), id, new JumpsellerAdmin.Shipment("TRK-1", "Chilexpress", null));
        OrderShipped shipped = single(acme, id, OrderShipped.TYPE, OrderShipped.class);
        assertThat(shipped.order().shipmentStatus()).isEqualTo("in_transit");
        // the order may be seen placed and paid in one read, so the shipment is the last change, whatever came before
        await().atMost(WAIT).untilAsserted(() -> assertThat(seenSoFar(acme, id, OrderStatusChanged.TYPE, OrderStatusChanged.class))
                .last().satisfies(c -> {
                    assertThat(c.previousStatus()).isEqualTo("paid");
                    assertThat(c.previousShipmentStatus()).isEqualTo("unfulfilled");
                    assertThat(c.order().shipmentStatus()).isEqualTo("in_transit");
                }));
        assertThat(events.settle(of(acme, id, OrderShipped.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void apiShowsAStoredOrderAndAnswers404ProblemForAnUnknownOne() throws Exception {
        long id = sims.jumpseller().placeOrder(acme.storeCode(), factura(List.of(JumpsellerAdmin.OrderLine.sku(acme.skus().get(8), 3))));
        single(acme, id, OrderStatusChanged.TYPE, OrderStatusChanged.class);
        given().get("/tenants/acme/orders/" + id).then().statusCode(200)
                .body("orderId", equalTo(String.valueOf(id))).body("status", equalTo("pending_payment"))
                .body("paid", equalTo(false)).body("order.lines[0].sku", equalTo(acme.skus().get(8)))
                .body("order.billing.documentKind", equalTo("INVOICE"));
        given().queryParam("size", 500).get("/tenants/acme/orders").then().statusCode(200)
                .body("findAll { it.orderId == '" + id + "' }.size()", equalTo(1));
        given().get("/tenants/acme/orders/999999").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/tenants/nobody/orders").then().statusCode(404);
    }

    private static JumpsellerAdmin.OrderRequest factura(List<JumpsellerAdmin.OrderLine> lines) {
        JumpsellerAdmin.Address billing = new JumpsellerAdmin.Address("Juan", "Soto", "76.123.456-k", "Huérfanos",
                "1160", null, "Santiago", null, "Santiago", "Metropolitana", "RM", "Chile", "CL");
        return new JumpsellerAdmin.OrderRequest(new JumpsellerAdmin.Shopper("compras@ejemplo.cl", "911111111", "+56", null),
                billing, null, null,
                List.of(new JumpsellerAdmin.AdditionalField("Documento", "Factura", "other"),
                        new JumpsellerAdmin.AdditionalField("Razón Social", "Comercial Ejemplo SpA", "other"),
                        new JumpsellerAdmin.AdditionalField("Giro", "Venta al por menor", "other")),
                lines, 3990.0, null, "Webpay", "Despacho", "delivery");
    }

    private static java.util.function.Predicate<ConsumerRecord<String, CloudEvent>> of(DemoTenant.Created t, long id, String type) {
        return r -> r.key().equals(Topics.key(t.id(), String.valueOf(id))) && r.value().getType().equals(type);
    }

    private <T> T single(DemoTenant.Created t, long id, String type, Class<T> cls) throws Exception {
        List<ConsumerRecord<String, CloudEvent>> found = events.await(of(t, id, type), 1, WAIT);
        assertThat(found).as(type + " for order " + id).isNotEmpty();
        return mapper.readValue(found.get(0).value().getData().toBytes(), cls);
    }

    private <T> List<T> all(DemoTenant.Created t, long id, String type, Class<T> cls, int count) {
        List<ConsumerRecord<String, CloudEvent>> found = events.await(of(t, id, type), count, WAIT);
        assertThat(found).as(type + " for order " + id).hasSize(count);
        return parse(found, cls);
    }

    private <T> List<T> seenSoFar(DemoTenant.Created t, long id, String type, Class<T> cls) {
        return parse(events.settle(of(t, id, type), Duration.ofMillis(200)), cls);
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

    private List<JumpsellerAdmin.HookAttempt> attempts(DemoTenant.Created t, long id, String event) {
        return sims.jumpseller().hookAttempts(t.storeCode()).stream()
                .filter(a -> a.event().equals(event) && a.delivered() && a.body().contains("\"id\":" + id + ","))
                .toList();
    }

    private List<Object> presaleHookIds(String url) throws Exception {
        return io.restassured.path.json.JsonPath.from(storeApi(presale, "/hooks.json", null).body())
                .getList("findAll { it.hook.url == '" + url + "' }.hook.id");
    }

    private HttpResponse<String> storeApi(DemoTenant.Created t, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sims.jumpsellerUrl() + "/v1" + path))
                .header("Authorization", basic(t)).header("Content-Type", "application/json");
        b = json == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String basic(DemoTenant.Created t) {
        var c = sims.jumpseller().credentials(t.storeCode());
        return "Basic " + Base64.getEncoder().encodeToString((c.login() + ":" + c.authtoken()).getBytes(StandardCharsets.UTF_8));
    }

    /** The order as the store renders it now: exactly a hook's body. */
    private String currentOrder(DemoTenant.Created t, long id) throws Exception {
        HttpResponse<String> r = storeApi(t, "/orders/" + id + ".json", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** A hook as Jumpseller sends it: signed with the store's hooks token. */
    private void deliver(DemoTenant.Created t, String event, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sims.jumpseller().credentials(t.storeCode()).hooksToken().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(SimulatedTenantResources.serviceUrl() + "/webhooks/jumpseller/" + t.id()))
                .header("Content-Type", "application/json").header("Jumpseller-Event", event)
                .header("Jumpseller-Store-Code", t.storeCode()).header("Jumpseller-Hmac-Sha256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }
}

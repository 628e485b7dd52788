package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.AdditionalField;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Address;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.BillingInformation;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.OrderLine;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.OrderRequest;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ProductSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Shipment;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Shopper;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.VariantSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OrdersTest extends SimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private HookReceiver receiver;

    @BeforeEach
    void seed() {
        receiver = new HookReceiver(vertx);
        sim.seedProducts(store.code(), List.of(
                new ProductSeed("Polera Clásica", "POL-001", 11990, null, false, null, List.of(
                        new VariantSeed("POL-001-M", null, 7, false, "Talla", "M"),
                        new VariantSeed("POL-001-L", null, 2, false, "Talla", "L"))),
                new ProductSeed("Gorro", "GOR-1", 5000, 10, false, null, List.of())));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private long order(OrderLine... lines) {
        return sim.placeOrder(store.code(), new OrderRequest(
                new Shopper("ana@example.cl", "+56911111111", "+56", null),
                new Address("Ana", "Pérez", "12.345.678-5", "Av. Italia", "1234", null, "Santiago", null,
                        "Providencia", "Metropolitana", "RM", "Chile", "CL"),
                null,
                new BillingInformation("Venta al por menor", "Comercial Ejemplo SpA", null),
                List.of(new AdditionalField("Documento", "Factura", null),
                        new AdditionalField("Razón Social", "Comercial Ejemplo SpA", null),
                        new AdditionalField("Giro", "Venta al por menor", null)),
                List.of(lines), 3990.0, null, "Webpay", "Starken", null));
    }

    private JsonNode get(long orderId) {
        Api.Response r = api.get("/orders/" + orderId + ".json");
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("order");
    }

    private void register(String event) {
        api.post("/hooks.json", "{\"hook\": {\"event\": \"" + event + "\", \"url\": \"" + receiver.url() + "\"}}");
    }

    @Test
    void placedOrderExposesTheDocumentedFields() {
        long id = order(OrderLine.sku("POL-001-M", 2), OrderLine.sku("GOR-1", 1));
        JsonNode o = get(id);

        assertThat(o.get("status_enum").asText()).isEqualTo("pending_payment");
        assertThat(o.get("status").asText()).isEqualTo("Pendiente de Pago"); // translated to the store language (es)
        assertThat(o.get("shipment_status_enum").asText()).isEqualTo("unfulfilled");
        assertThat(o.get("shipment_status").asText()).isEqualTo("No Procesado");
        assertThat(o.get("currency").asText()).isEqualTo("CLP");
        assertThat(o.get("customer").get("email").asText()).isEqualTo("ana@example.cl");
        assertThat(o.get("customer").get("id").asLong()).isPositive();
        assertThat(o.get("billing_address").get("taxid").asText()).isEqualTo("12.345.678-5");
        assertThat(o.get("billing_information").get("company_name").asText()).isEqualTo("Comercial Ejemplo SpA");
        assertThat(o.get("billing_information").get("business_activity").asText()).isEqualTo("Venta al por menor");
        assertThat(o.get("additional_fields").get(0).get("label").asText()).isEqualTo("Documento");
        assertThat(o.get("additional_fields").get(0).get("value").asText()).isEqualTo("Factura");
        assertThat(o.get("additional_fields").get(0).get("area").asText()).isEqualTo("other");

        JsonNode line = o.get("products").get(0);
        assertThat(line.get("sku").asText()).isEqualTo("POL-001-M");
        assertThat(line.get("variant_id").asLong()).isEqualTo(sim.stock(store.code(), "POL-001-M").variantId());
        assertThat(line.get("id").asLong()).isEqualTo(sim.stock(store.code(), "POL-001-M").productId());
        assertThat(line.get("qty").asInt()).isEqualTo(2);
        assertThat(line.get("price").isNumber()).isTrue();
        assertThat(line.get("price").asDouble()).isEqualTo(11990.0);
        assertThat(line.get("discount").isNumber()).isTrue();
        assertThat(line.get("taxes").get(0).get("rate").asDouble()).isEqualTo(19.0);
        assertThat(line.get("taxes").get(0).get("tax_on_product_price").asBoolean()).isTrue();
        assertThat(o.get("products").get(1).get("variant_id").isNull()).isTrue();

        assertThat(o.get("subtotal").asDouble()).isEqualTo(2 * 11990.0 + 5000.0);
        assertThat(o.get("total").asDouble())
                .isEqualTo(o.get("subtotal").asDouble() + o.get("shipping").asDouble() - o.get("discount").asDouble());
        assertThat(o.get("created_at").asText()).endsWith(" UTC");
    }

    @Test
    void paidOrderFiresOrderPaidAndOrderUpdated() throws Exception {
        long id = order(OrderLine.sku("POL-001-M", 1));
        register("order_paid");
        register("order_updated");

        sim.payOrder(store.code(), id);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        JsonNode paid = MAPPER.readTree(receiver.received("order_paid").get(0).body()).get("order");
        assertThat(paid.get("id").asLong()).isEqualTo(id);
        assertThat(paid.get("status_enum").asText()).isEqualTo("paid");
        assertThat(paid.get("completed_at").isNull()).isFalse();
        JsonNode updated = MAPPER.readTree(receiver.received("order_updated").get(0).body()).get("order");
        assertThat(updated.get("status_enum").asText()).isEqualTo("paid");
        assertThat(get(id).get("status_enum").asText()).isEqualTo("paid");
    }

    @Test
    void placingAnOrderFiresOrderPendingPaymentAndOrderUpdated() {
        register("order_pending_payment");
        register("order_updated");
        order(OrderLine.sku("GOR-1", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received("order_pending_payment")).hasSize(1);
    }

    @Test
    void paidOrderDecrementsStockAndFiresProductStockUpdated() throws Exception {
        register("product_stock_updated");
        long id = order(OrderLine.sku("POL-001-M", 2), OrderLine.sku("GOR-1", 3));
        assertThat(sim.stock(store.code(), "POL-001-M").stock()).isEqualTo(7); // a pending order holds no stock

        sim.payOrder(store.code(), id);

        assertThat(sim.stock(store.code(), "POL-001-M").stock()).isEqualTo(5);
        assertThat(sim.stock(store.code(), "GOR-1").stock()).isEqualTo(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        JsonNode product = MAPPER.readTree(receiver.received().get(0).body()).get("product");
        assertThat(product.get("variants").get(0).get("stock").asInt()).isEqualTo(5);
    }

    @Test
    void cancelingAPaidOrderReturnsItsStock() {
        long id = order(OrderLine.sku("POL-001-L", 2));
        sim.payOrder(store.code(), id);
        assertThat(sim.stock(store.code(), "POL-001-L").stock()).isZero();
        register("order_canceled");

        sim.cancelOrder(store.code(), id);

        assertThat(sim.stock(store.code(), "POL-001-L").stock()).isEqualTo(2);
        assertThat(get(id).get("status_enum").asText()).isEqualTo("canceled");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        assertThatThrownBy(() -> sim.payOrder(store.code(), id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentPaymentsKeepStockConsistent() throws Exception {
        sim.setStock(store.code(), "GOR-1", 40);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(order(OrderLine.sku("GOR-1", 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<Callable<Integer>>();
            for (long id : ids) {
                // a quarter through the API (which stays under 20 req/s), the rest on the admin side
                tasks.add(() -> id % 4 == 0
                        ? api.put("/orders/" + id + ".json", "{\"order\": {\"status\": \"paid\"}}").status()
                        : payByAdmin(id));
            }
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sim.stock(store.code(), "GOR-1").stock()).isZero();
        assertThat(api.get("/orders.json?status_filters[]=paid&limit=100").json()).hasSize(40);
    }

    private int payByAdmin(long id) {
        sim.payOrder(store.code(), id);
        return 200;
    }

    @Test
    void orderCannotTakeMoreThanTheStock() {
        assertThatThrownBy(() -> order(OrderLine.sku("POL-001-L", 3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> order(OrderLine.sku("NOPE", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(api.get("/orders/count.json").json().get("count").asInt()).isZero();
    }

    @Test
    void putOrderStatusAcceptsPaidInEitherCase() {
        long first = order(OrderLine.sku("GOR-1", 1));
        long second = order(OrderLine.sku("GOR-1", 1));

        Api.Response display = api.put("/orders/" + first + ".json", "{\"order\": {\"status\": \"Paid\"}}");
        Api.Response lower = api.put("/orders/" + second + ".json", "{\"order\": {\"status\": \"paid\"}}");

        assertThat(display.status()).isEqualTo(200);
        assertThat(display.json().get("order").get("status_enum").asText()).isEqualTo("paid");
        assertThat(lower.json().get("order").get("status_enum").asText()).isEqualTo("paid");
        assertThat(sim.stock(store.code(), "GOR-1").stock()).isEqualTo(8);
        assertThat(api.put("/orders/" + first + ".json", "{\"order\": {\"status\": \"shipped\"}}").status())
                .isEqualTo(422);
    }

    @Test
    void putOrderChangesOnlyTheWritableFields() {
        long id = order(OrderLine.sku("GOR-1", 1));
        double total = get(id).get("total").asDouble();

        Api.Response r = api.put("/orders/" + id + ".json", "{\"order\": {\"total\": 1, \"currency\": \"USD\","
                + " \"additional_information\": \"Boleta 123 emitida\", \"tracking_number\": \"TN1\","
                + " \"additional_fields\": [{\"label\": \"Documento\", \"value\": \"Boleta\"}]}}");

        JsonNode o = r.json().get("order");
        assertThat(o.get("total").asDouble()).isEqualTo(total);
        assertThat(o.get("currency").asText()).isEqualTo("CLP");
        assertThat(o.get("additional_information").asText()).isEqualTo("Boleta 123 emitida");
        assertThat(o.get("tracking_number").asText()).isEqualTo("TN1");
        assertThat(o.get("additional_fields")).hasSize(3);
        assertThat(o.get("additional_fields").get(0).get("value").asText()).isEqualTo("Boleta");
    }

    @Test
    void ordersAreFilteredByStatusAndListedAfterAnId() {
        long first = order(OrderLine.sku("GOR-1", 1));
        long second = order(OrderLine.sku("GOR-1", 1));
        long third = order(OrderLine.sku("GOR-1", 1));
        sim.payOrder(store.code(), second);

        JsonNode paid = api.get("/orders.json?status_filters[]=paid").json();
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).get("order").get("id").asLong()).isEqualTo(second);
        assertThat(api.get("/orders/status/paid.json").json()).hasSize(1);
        assertThat(api.get("/orders/status/pending_payment.json").json()).hasSize(2);
        assertThat(api.get("/orders/count.json").json().get("count").asInt()).isEqualTo(3);

        JsonNode after = api.get("/orders/after/" + first + ".json").json();
        assertThat(after).extracting(n -> n.get("order").get("id").asLong()).containsExactly(second, third);

        Api.Response bad = api.get("/orders/status/shipped.json");
        assertThat(bad.status()).isEqualTo(404);
        assertThat(bad.json().get("message").asText()).isEqualTo("Status Invalid.");
        assertThat(api.get("/orders/999.json").json().get("message").asText()).isEqualTo("Order Not Found.");
    }

    @Test
    void ordersFilterByFulfillmentAndDate() {
        long shipped = order(OrderLine.sku("GOR-1", 1));
        order(OrderLine.sku("GOR-1", 1));
        sim.payOrder(store.code(), shipped);
        sim.shipOrder(store.code(), shipped, null);

        JsonNode fulfilled = api.get("/orders.json?fulfillment_filters=fulfilled").json();
        assertThat(fulfilled).extracting(n -> n.get("order").get("id").asLong()).containsExactly(shipped);
        assertThat(api.get("/orders.json?fulfillment_filters=unfulfilled,fulfilled").json()).hasSize(2);
        assertThat(api.get("/orders.json?dateFilter=today").json()).hasSize(2);
        assertThat(api.get("/orders.json?dateFilter=customDate&initialDate=2020-01-01&finalDate=2020-01-31")
                .json()).isEmpty();
    }

    @Test
    void englishStoreShowsEnglishStatusLabels() {
        var english = sim.createStore(new JumpsellerAdmin.NewStore("english", null, null, null, null, "USD", "US",
                "America/New_York", "en", null, 0.0, null));
        sim.seedProducts(english.code(), List.of(new ProductSeed("Cap", "CAP", 19.99, 5, false, null, List.of())));
        long id = sim.placeOrder(english.code(), new OrderRequest(new Shopper("jo@example.com", null, null, null),
                null, null, null, null, List.of(OrderLine.sku("CAP", 2)), 5.0, null, "Stripe", null, null));
        sim.payOrder(english.code(), id);

        JsonNode o = new Api(server.baseUrl() + "/v1", english).get("/orders/" + id + ".json").json().get("order");
        assertThat(o.get("status").asText()).isEqualTo("Paid");
        assertThat(o.get("shipment_status").asText()).isEqualTo("Unfulfilled");
        assertThat(o.get("products").get(0).get("taxes")).isEmpty();
        assertThat(o.get("total").asDouble()).isEqualTo(44.98);
    }

    @Test
    void orderSearchAnswersOrdersAndCount() {
        order(OrderLine.sku("GOR-1", 1));
        JsonNode r = api.get("/orders/search.json?query=ana@example.cl").json();
        assertThat(r.get("count").asInt()).isEqualTo(1);
        assertThat(r.get("orders").get(0).get("order").get("customer").get("email").asText())
                .isEqualTo("ana@example.cl");
    }

    @Test
    void historyAndDocumentsAttachToTheOrder() {
        long id = order(OrderLine.sku("GOR-1", 1));

        Api.Response h = api.post("/orders/" + id + "/history.json",
                "{\"order_history\": {\"message\": \"Boleta 930 emitida\"}}");
        assertThat(h.json().get("order_history").get("message").asText()).isEqualTo("Boleta 930 emitida");
        assertThat(api.get("/orders/" + id + "/history.json").json().get(0).get("order_history").get("message")
                .asText()).isEqualTo("Boleta 930 emitida");

        Api.Response d = api.post("/orders/" + id + "/documents.json", "{\"document\": {\"document_type\": 1,"
                + " \"external_id\": \"bsale-11558\", \"public_id\": \"Boleta 930\", \"url\": \"https://x/930.pdf\"}}");
        JsonNode doc = d.json().get("document");
        assertThat(doc.get("order_id").asLong()).isEqualTo(id);
        assertThat(doc.has("app_code")).isTrue();
        assertThat(api.get("/orders/" + id + "/documents.json").json()).hasSize(1);
        assertThat(api.post("/orders/" + id + "/documents.json", "{\"document\": {\"document_type\": 7,"
                + " \"public_id\": \"X\"}}").status()).isEqualTo(422);
        assertThat(api.delete("/orders/" + id + "/documents/Boleta%20930.json").status()).isEqualTo(200);
        assertThat(api.get("/orders/" + id + "/documents.json").json()).isEmpty();
    }

    @Test
    void shippingAPaidOrderFiresOrderShipped() throws Exception {
        long id = order(OrderLine.sku("GOR-1", 1));
        sim.payOrder(store.code(), id);
        register("order_shipped");

        sim.shipOrder(store.code(), id, new Shipment("TN-9", "Starken", null));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        JsonNode o = MAPPER.readTree(receiver.received().get(0).body()).get("order");
        assertThat(o.get("shipment_status_enum").asText()).isEqualTo("in_transit");
        assertThat(o.get("tracking_number").asText()).isEqualTo("TN-9");
    }

    @Test
    void manualFulfillmentShipsTheOrder() {
        long id = order(OrderLine.sku("GOR-1", 1));
        sim.payOrder(store.code(), id);

        Api.Response missing = api.post("/fulfillments.json", "{\"fulfillment\": {\"order_id\": " + id + "}}");
        assertThat(missing.status()).isEqualTo(422);
        Api.Response r = api.post("/fulfillments.json", "{\"fulfillment\": {\"order_id\": " + id
                + ", \"type\": \"manual\", \"location_id\": 1, \"tracking_number\": \"TN-1\"}}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("fulfillment").get("order_id").asLong()).isEqualTo(id);
        assertThat(get(id).get("shipment_status_enum").asText()).isEqualTo("in_transit");
        assertThat(get(id).get("tracking_number").asText()).isEqualTo("TN-1");
    }
}

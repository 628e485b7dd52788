package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderLineRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhooksTest extends SimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    HookReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = new HookReceiver(vertx);
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    void register(String topic, String path) {
        Api.Response r = api.post("/webhooks.json", "{\"webhook\":{\"address\":\"" + receiver.url(path)
                + "\",\"topic\":\"" + topic + "\",\"format_type\":\"json\"}}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("id").asLong()).isPositive();
    }

    @Test
    void registeredWebhooksAreListedAndDeleted() {
        register("orders/create", "/hooks/create");
        JsonNode list = api.get("/webhooks.json").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("topic").asText()).isEqualTo("orders/create");
        assertThat(api.delete("/webhooks/" + list.get(0).get("id").asLong() + ".json").status()).isEqualTo(200);
        assertThat(api.get("/webhooks.json").json()).isEmpty();
    }

    @Test
    void anUnknownTopicIsRefused() {
        Api.Response r = api.post("/webhooks.json", "{\"webhook\":{\"address\":\"" + receiver.url("/x")
                + "\",\"topic\":\"stock/changed\",\"format_type\":\"json\"}}");
        assertThat(r.status()).isEqualTo(422);
    }

    @Test
    void aPlacedOrderPostsTheOrderItselfAtTheRootAndTakesStock() throws Exception {
        register("orders/create", "/hooks/create");
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 3));
        long order = sim.placeOrder(shop.shop(), new OrderRequest(
                List.of(new OrderLineRequest(p.variantIds().get(0), 2)), "Игорь", "igor@example.ru"));
        await().until(() -> receiver.received.size() == 1);
        HookReceiver.Received hook = receiver.received.get(0);
        assertThat(hook.headers().get("content-type")).startsWith("application/json");
        JsonNode body = MAPPER.readTree(hook.body());
        assertThat(body.get("id").asLong()).isEqualTo(order);
        assertThat(body.get("financial_status").asText()).isEqualTo("pending");
        assertThat(body.get("order_lines").get(0).get("sku").asText()).isEqualTo("DHB12");
        assertThat(body.get("order_lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(sim.stock(shop.shop(), p.variantIds().get(0)).quantity()).isEqualTo(1);
    }

    @Test
    void payingAndCancellingPostOrdersUpdateAndCancellingGivesStockBack() throws Exception {
        register("orders/update", "/hooks/update");
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 3));
        long order = sim.placeOrder(shop.shop(), new OrderRequest(
                List.of(new OrderLineRequest(p.variantIds().get(0), 1)), "Игорь", "igor@example.ru"));
        sim.payOrder(shop.shop(), order);
        await().until(() -> receiver.received.size() == 1);
        assertThat(MAPPER.readTree(receiver.received.get(0).body()).get("financial_status").asText()).isEqualTo("paid");
        sim.cancelOrder(shop.shop(), order);
        await().until(() -> receiver.received.size() == 2);
        assertThat(MAPPER.readTree(receiver.received.get(1).body()).get("fulfillment_status").asText()).isEqualTo("declined");
        assertThat(sim.stock(shop.shop(), p.variantIds().get(0)).quantity()).isEqualTo(3);
        assertThat(api.get("/orders/" + order + ".json").json().get("fulfillment_status").asText()).isEqualTo("declined");
    }

    @Test
    void productChangesPostAnArrayOfProducts() throws Exception {
        register("products/update", "/hooks/products");
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 3));
        api.put("/products/variants_group_update.json",
                "{\"variants\":[{\"id\":" + p.variantIds().get(0) + ",\"quantity\":9}]}");
        await().until(() -> receiver.received.size() == 1);
        JsonNode body = MAPPER.readTree(receiver.received.get(0).body());
        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).get("id").asLong()).isEqualTo(p.productId());
        assertThat(body.get(0).get("variants").get(0).get("quantity").asInt()).isEqualTo(9);
    }

    @Test
    void aFailedDeliveryIsNotRetried() {
        register("orders/create", "/hooks/create");
        receiver.status = 500;
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 3));
        sim.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(p.variantIds().get(0), 1)), "A", "a@b.ru"));
        await().until(() -> sim.deliveries(shop.shop()).size() == 1);
        assertThat(sim.deliveries(shop.shop()).get(0).status()).isEqualTo(500);
        assertThat(sim.deliveries(shop.shop()).get(0).topic()).isEqualTo("orders/create");
        assertThat(receiver.received).hasSize(1);
    }
}

package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.insales.simulator.InsalesAdmin.Checkout;
import dev.enlace.connector.insales.simulator.InsalesAdmin.FieldValue;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderLineRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ShippingAddress;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrdersTest extends SimulatorTest {

    @Test
    void ordersAreListedCountedAndReadWithTheirLines() {
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 5));
        long first = sim.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(p.variantIds().get(0), 2)),
                "Игорь", "igor@example.ru"));
        long second = sim.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(p.variantIds().get(0), 1)),
                "Анна", "anna@example.ru"));
        assertThat(api.get("/orders/count.json").json().get("count").asInt()).isEqualTo(2);
        JsonNode list = api.get("/orders.json").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(first);
        JsonNode order = api.get("/orders/" + second + ".json").json();
        assertThat(order.get("number").asLong()).isEqualTo(list.get(0).get("number").asLong() + 1);
        assertThat(order.get("total_price").asText()).isEqualTo("990.0");
        assertThat(order.get("order_lines").get(0).get("full_total_price").asText()).isEqualTo("990.0");
        assertThat(order.get("client").get("email").asText()).isEqualTo("anna@example.ru");
    }

    @Test
    void anOrderForMoreThanTheTrackedStockIsRefused() {
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 1));
        assertThatThrownBy(() -> sim.placeOrder(shop.shop(), new OrderRequest(
                List.of(new OrderLineRequest(p.variantIds().get(0), 2)), "A", "a@b.ru")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.stock(shop.shop(), p.variantIds().get(0)).quantity()).isEqualTo(1);
    }

    @Test
    void anUntrackedVariantSellsWithoutLimit() {
        SeededProduct p = seedProduct("Услуга", variant("SRV", null));
        sim.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(p.variantIds().get(0), 50)), "A", "a@b.ru"));
        assertThat(sim.stock(shop.shop(), p.variantIds().get(0)).quantity()).isNull();
    }

    @Test
    void checkoutDataLineDiscountsAndDeliveryShowInTheOrder() {
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 5));
        long id = sim.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(p.variantIds().get(0), 2,
                new BigDecimal("198"))), "Игорь", "igor@example.ru", new Checkout("Слесарев", "+79033215465",
                new ShippingAddress("Слесарев Игорь", "+79033215465", "Рязанский проспект 12", "Москва", null, "109428", "RU"),
                "Наложенный платёж", "Курьер", new BigDecimal("300"), List.of(new FieldValue("ИНН", "7707083893")))));
        JsonNode order = api.get("/orders/" + id + ".json").json();
        JsonNode line = order.get("order_lines").get(0);
        assertThat(line.get("sale_price").asText()).isEqualTo("990.0");
        assertThat(line.get("total_price").asText()).isEqualTo("1980.0");
        assertThat(line.get("discounts_amount").asText()).isEqualTo("198.0");
        assertThat(line.get("full_total_price").asText()).isEqualTo("1782.0");
        assertThat(order.get("items_price").asText()).isEqualTo("1782.0");
        assertThat(order.get("delivery_price").asText()).isEqualTo("300.0");
        assertThat(order.get("total_price").asText()).isEqualTo("2082.0");
        assertThat(order.get("payment_title").asText()).isEqualTo("Наложенный платёж");
        assertThat(order.get("shipping_address").get("city").asText()).isEqualTo("Москва");
        assertThat(order.get("client").get("surname").asText()).isEqualTo("Слесарев");
        assertThat(order.get("fields_values").get(0).get("value").asText()).isEqualTo("7707083893");
    }

    @Test
    void fulfillmentMovesFireOrdersUpdateAndDeliveryIsDated() {
        SeededProduct p = seedProduct("Ежедневник", variant("DHB12", 5));
        long id = sim.placeOrder(shop.shop(), new OrderRequest(List.of(new OrderLineRequest(p.variantIds().get(0), 1)),
                "Игорь", "igor@example.ru"));
        sim.fulfillOrder(shop.shop(), id, "dispatched");
        assertThat(api.get("/orders/" + id + ".json").json().get("fulfillment_status").asText()).isEqualTo("dispatched");
        sim.fulfillOrder(shop.shop(), id, "delivered");
        assertThat(api.get("/orders/" + id + ".json").json().get("delivered_at").isNull()).isFalse();
        assertThatThrownBy(() -> sim.fulfillOrder(shop.shop(), id, "shipped")).isInstanceOf(IllegalArgumentException.class);
        sim.cancelOrder(shop.shop(), id);
        assertThatThrownBy(() -> sim.fulfillOrder(shop.shop(), id, "approved")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingOrderIs404() {
        assertThat(api.get("/orders/1.json").status()).isEqualTo(404);
    }
}

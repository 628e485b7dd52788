package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderLineRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import org.junit.jupiter.api.Test;

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
    void aMissingOrderIs404() {
        assertThat(api.get("/orders/1.json").status()).isEqualTo(404);
    }
}

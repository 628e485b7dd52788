package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin side over HTTP, for tools outside the JVM (the local stack, bin scripts). */
class AdminHttpTest extends SimulatorTest {

    @Test
    void shopsAreCreatedSeededAndObservedOverHttp() {
        Api admin = new Api(server.baseUrl() + "/_sim", null, null);
        Api.Response created = admin.post("/shops", "{\"name\":\"tienda\",\"password\":\"secret\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("apiBase").asText()).isEqualTo("/shops/tienda/admin");
        Api.Response seeded = admin.post("/shops/tienda/products",
                "{\"products\":[{\"title\":\"T\",\"variants\":[{\"sku\":\"S1\",\"price\":10,\"quantity\":4}]}]}");
        assertThat(seeded.status()).isEqualTo(201);
        long variant = seeded.json().get(0).get("variantIds").get(0).asLong();
        assertThat(admin.get("/shops/tienda/variants/" + variant).json().get("quantity").asInt()).isEqualTo(4);
        Api.Response order = admin.post("/shops/tienda/orders",
                "{\"lines\":[{\"variantId\":" + variant + ",\"quantity\":1}],\"clientName\":\"A\",\"clientEmail\":\"a@b.ru\"}");
        assertThat(order.status()).isEqualTo(201);
        assertThat(admin.post("/shops/tienda/orders/" + order.json().get("id").asLong() + "/pay", "").status()).isEqualTo(204);
        assertThat(admin.post("/shops/tienda/faults", "{\"status\":503,\"count\":1}").status()).isEqualTo(204);
        JsonNode counters = admin.get("/shops/tienda/counters").json();
        assertThat(counters.get("apiCalls").asLong()).isZero();
        assertThat(admin.get("/shops/tienda/webhook-deliveries").json()).isEmpty();
        assertThat(admin.get("/shops/nobody/counters").status()).isEqualTo(404);
    }
}

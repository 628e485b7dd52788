package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.StoreCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminHttpTest extends SimulatorTest {

    @Test
    void adminHttpApiRunsAStoreFromCreationToAPaidOrder() {
        Api admin = new Api(server.baseUrl() + "/_sim", (String) null);

        Api.Response created = admin.post("/stores", "{\"code\": \"demo\", \"name\": \"Demo\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode creds = created.json();
        assertThat(creds.get("hooks_token").asText()).hasSize(32);
        Api demo = new Api(server.baseUrl() + "/v1", new StoreCredentials("demo", creds.get("login").asText(),
                creds.get("authtoken").asText(), null, null, null));

        Api.Response seeded = admin.post("/stores/demo/catalog",
                "{\"products\": 3, \"variants_per_product\": 2, \"sku_prefix\": \"D\", \"stock\": 4, \"price\": 1990}");
        assertThat(seeded.json().get("variants").asInt()).isEqualTo(6);
        assertThat(admin.put("/stores/demo/stock/D-1-1", "{\"stock\": 9}").json().get("stock").asInt()).isEqualTo(9);

        Api.Response order = admin.post("/stores/demo/orders", "{\"customer\": {\"email\": \"ana@example.cl\"},"
                + " \"billing_address\": {\"name\": \"Ana\", \"taxid\": \"12.345.678-5\"},"
                + " \"additional_fields\": [{\"label\": \"Documento\", \"value\": \"Boleta\"}],"
                + " \"lines\": [{\"sku\": \"D-1-1\", \"qty\": 2}]}");
        assertThat(order.status()).as(order.text()).isEqualTo(201);
        long id = order.json().get("id").asLong();
        assertThat(admin.post("/stores/demo/orders/" + id + "/pay", "").status()).isEqualTo(204);
        assertThat(admin.post("/stores/demo/orders/" + id + "/pay", "").status()).isEqualTo(409);

        assertThat(admin.get("/stores/demo/stock/D-1-1").json().get("stock").asInt()).isEqualTo(7);
        assertThat(demo.get("/orders/" + id + ".json").json().get("order").get("status_enum").asText())
                .isEqualTo("paid");
        assertThat(admin.get("/stores/demo/counters").json().get("api_calls").asInt()).isEqualTo(1);
        assertThat(admin.get("/stores/nope/counters").status()).isEqualTo(404);
        assertThat(admin.post("/stores/demo/orders", "{\"customer\": {\"email\": \"a@b.cl\"},"
                + " \"lines\": [{\"sku\": \"D-1-1\", \"qty\": 99}]}").status()).isEqualTo(409);
    }
}

package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CA6: product create and update (guessed shape, README "Guesses"). */
class ProductWritesTest extends SimulatorTestSupport {

    @Test
    void createdProductIsListedWithItsCodePriceAndImage() {
        Resp created = post("/productos", "{\"name\":\"Gorro\",\"code\":\"GOR-1\",\"price\":5990,"
                + "\"description\":\"Lana\",\"url_image\":\"https://cdn.example.cl/gorro.jpg\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.data().get("id").asLong();
        JsonNode p = get("/productos/" + id).data();
        assertThat(p.get("code").asText()).isEqualTo("GOR-1");
        assertThat(p.get("price").asInt()).isEqualTo(5990);
        assertThat(p.get("url_image").asText()).isEqualTo("https://cdn.example.cl/gorro.jpg");
        assertThat(get("/productos?query=GOR-1").data().get("products")).hasSize(1);
    }

    @Test
    void updateChangesOnlyTheFieldsSent() {
        long id = post("/productos", "{\"name\":\"Gorro\",\"code\":\"GOR-2\",\"price\":5990}").data().get("id").asLong();
        Resp updated = call("PUT", "/api/v1/productos/" + id, "{\"name\":\"Gorro merino\"}", company.companyToken(), company.userToken());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().at("/data/name").asText()).isEqualTo("Gorro merino");
        assertThat(updated.body().at("/data/price").asInt()).isEqualTo(5990);
        assertThat(updated.body().at("/data/code").asText()).isEqualTo("GOR-2");
    }

    @Test
    void codeTakenByAnotherProductAndMissingNameAre422() {
        post("/productos", "{\"name\":\"Gorro\",\"code\":\"GOR-3\"}");
        assertThat(post("/productos", "{\"name\":\"Otro\",\"code\":\"GOR-3\"}").status()).isEqualTo(422);
        assertThat(post("/productos", "{\"code\":\"GOR-4\"}").status()).isEqualTo(422);
        assertThat(call("PUT", "/api/v1/productos/999999", "{\"name\":\"X\"}", company.companyToken(), company.userToken()).status())
                .isEqualTo(404);
    }
}

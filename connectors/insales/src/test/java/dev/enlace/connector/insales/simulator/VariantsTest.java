package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class VariantsTest extends SimulatorTest {

    @Test
    void groupUpdateWritesQuantitiesAndAnswersAStatusPerVariant() {
        SeededProduct p = seedProduct("Ежедневник", variant("A", 1), variant("B", 2));
        long a = p.variantIds().get(0);
        long b = p.variantIds().get(1);
        Api.Response r = api.put("/products/variants_group_update.json",
                "{\"variants\":[{\"id\":" + a + ",\"quantity\":7},{\"id\":" + b + ",\"quantity\":0,\"price\":200.0},{\"id\":1,\"quantity\":3}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode statuses = r.json();
        assertThat(statuses.get(0).get("status").asText()).isEqualTo("ok");
        assertThat(statuses.get(1).get("status").asText()).isEqualTo("ok");
        assertThat(statuses.get(2).get("id").asLong()).isEqualTo(1);
        assertThat(statuses.get(2).get("status").asText()).isEqualTo("error");
        assertThat(sim.stock(shop.shop(), a).quantity()).isEqualTo(7);
        assertThat(sim.stock(shop.shop(), b).quantity()).isZero();
    }

    @Test
    void groupUpdateTakesAtMostAHundredVariants() {
        SeededProduct p = seedProduct("X", variant("X", 1));
        String items = IntStream.range(0, 101).mapToObj(i -> "{\"id\":" + p.variantIds().get(0) + ",\"quantity\":" + i + "}")
                .collect(Collectors.joining(","));
        Api.Response r = api.put("/products/variants_group_update.json", "{\"variants\":[" + items + "]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(sim.stock(shop.shop(), p.variantIds().get(0)).quantity()).isEqualTo(1);
    }

    @Test
    void aNullQuantityMeansStockIsNotTrackedAndTheVariantStaysAvailable() {
        SeededProduct p = seedProduct("Услуга", variant("SRV", 0));
        long id = p.variantIds().get(0);
        api.put("/products/variants_group_update.json", "{\"variants\":[{\"id\":" + id + ",\"quantity\":null}]}");
        JsonNode v = api.get("/products/" + p.productId() + "/variants/" + id + ".json").json();
        assertThat(v.get("quantity").isNull()).isTrue();
        assertThat(v.get("available").asBoolean()).isTrue();
    }

    @Test
    void aSingleVariantIsUpdatedWithItsWrappedBody() {
        SeededProduct p = seedProduct("Y", variant("Y", 1));
        long id = p.variantIds().get(0);
        Api.Response r = api.put("/products/" + p.productId() + "/variants/" + id + ".json", "{\"variant\":{\"quantity\":4}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("quantity").asInt()).isEqualTo(4);
        assertThat(api.get("/products/" + p.productId() + "/variants.json").json()).hasSize(1);
    }

    @Test
    void aVariantUnderAnotherProductIs404() {
        SeededProduct p = seedProduct("Y", variant("Y", 1));
        SeededProduct q = seedProduct("Z", variant("Z", 1));
        assertThat(api.get("/products/" + q.productId() + "/variants/" + p.variantIds().get(0) + ".json").status())
                .isEqualTo(404);
    }

    @Test
    void aVariantIsAddedToAProductWithItsBarcodeAndTitle() {
        SeededProduct p = seedProduct("Футболка", variant("TS-S", 1));
        Api.Response r = api.post("/products/" + p.productId() + "/variants.json",
                "{\"variant\":{\"sku\":\"TS-M\",\"title\":\"M\",\"barcode\":\"4600000000017\",\"price\":1090,\"quantity\":0}}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("barcode").asText()).isEqualTo("4600000000017");
        assertThat(r.json().get("price").asText()).isEqualTo("1090");
        assertThat(api.get("/products/" + p.productId() + "/variants.json").json()).extracting(v -> v.get("sku").asText())
                .containsExactly("TS-S", "TS-M");
        assertThat(api.post("/products/" + p.productId() + "/variants.json", "{\"sku\":\"X\"}").status())
                .as("the body is wrapped in 'variant'").isEqualTo(400);
    }
}

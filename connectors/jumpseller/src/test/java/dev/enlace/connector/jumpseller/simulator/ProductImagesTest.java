package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAPI {@code /products/{id}/images.json}: images by URL, shown on the product in position order. */
class ProductImagesTest extends SimulatorTest {

    @Test
    void addedImageIsWrappedAndShownOnTheProductInPositionOrder() {
        long id = api.post("/products.json", "{\"product\":{\"name\":\"Gorro\",\"price\":5990}}").json()
                .get("product").get("id").asLong();
        Api.Response first = api.post("/products/" + id + "/images.json",
                "{\"image\":{\"url\":\"https://cdn.example.cl/b.jpg\",\"position\":2}}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("image").get("url").asText()).isEqualTo("https://cdn.example.cl/b.jpg");
        api.post("/products/" + id + "/images.json", "{\"image\":{\"url\":\"https://cdn.example.cl/a.jpg\",\"position\":1}}");

        JsonNode images = api.get("/products/" + id + ".json").json().get("product").get("images");
        assertThat(images).hasSize(2);
        assertThat(images.get(0).get("url").asText()).isEqualTo("https://cdn.example.cl/a.jpg");
        assertThat(api.get("/products/" + id + "/images.json").json()).hasSize(2);
    }

    @Test
    void imageWithoutAUrlIs422() {
        long id = api.post("/products.json", "{\"product\":{\"name\":\"Gorro\",\"price\":5990}}").json()
                .get("product").get("id").asLong();
        assertThat(api.post("/products/" + id + "/images.json", "{\"image\":{\"position\":1}}").status()).isEqualTo(422);
    }
}

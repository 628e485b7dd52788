package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAPI {@code /products/{id}/images.json} and {@code /products/{id}/images/{image_id}.json}: images by URL,
 * shown on the product in position order; read one, count, move, delete.
 */
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

    @Test
    void oneImageIsReadCountedMovedAndDeleted() {
        long id = product();
        long a = addImage(id, "https://cdn.example.cl/a.jpg", 1);
        long b = addImage(id, "https://cdn.example.cl/b.jpg", 2);

        assertThat(api.get("/products/" + id + "/images/" + b + ".json").json().get("image").get("url").asText())
                .isEqualTo("https://cdn.example.cl/b.jpg");
        assertThat(api.get("/products/" + id + "/images/count.json").json().get("count").asInt()).isEqualTo(2);

        Api.Response moved = api.put("/products/" + id + "/images/" + b + ".json?position=0", "{}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(api.get("/products/" + id + ".json").json().get("product").get("images").get(0).get("id").asLong())
                .isEqualTo(b);

        Api.Response deleted = api.delete("/products/" + id + "/images/" + a + ".json");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().asText()).isEqualTo("Image deleted.");
        JsonNode images = api.get("/products/" + id + ".json").json().get("product").get("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).get("url").asText()).isEqualTo("https://cdn.example.cl/b.jpg");
    }

    @Test
    void anUnknownImageIs404AsAnUnknownProduct() {
        long id = product();
        Api.Response missing = api.delete("/products/" + id + "/images/999999.json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).isEqualTo("Product Not Found.");
        assertThat(api.get("/products/999999/images/1.json").status()).isEqualTo(404);
    }

    @Test
    void movingWithoutAnIntegerPositionIs422() {
        long id = product();
        long a = addImage(id, "https://cdn.example.cl/a.jpg", 1);
        assertThat(api.put("/products/" + id + "/images/" + a + ".json", "{}").status()).isEqualTo(422);
    }

    private long product() {
        return api.post("/products.json", "{\"product\":{\"name\":\"Gorro\",\"price\":5990}}").json()
                .get("product").get("id").asLong();
    }

    private long addImage(long productId, String url, int position) {
        return api.post("/products/" + productId + "/images.json",
                "{\"image\":{\"url\":\"" + url + "\",\"position\":" + position + "}}").json().get("image").get("id").asLong();
    }
}

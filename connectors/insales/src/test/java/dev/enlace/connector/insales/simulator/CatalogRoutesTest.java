package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** insales.md §5.5: categories, collections, collects and images around products (CA4). */
class CatalogRoutesTest extends SimulatorTest {
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @Test
    void productsShowTheirDescriptionAndTheCollectionsTheyAreIn() {
        long category = api.post("/categories.json", "{\"category\":{\"title\":\"Каталог\"}}").json().get("id").asLong();
        long mugs = api.post("/collections.json", "{\"collection\":{\"title\":\"Кружки\"}}").json().get("id").asLong();
        var created = api.post("/products.json", "{\"product\":{\"category_id\":" + category + ",\"title\":\"Кружка\","
                + "\"description\":\"<p>Фарфор</p>\",\"variants_attributes\":[{\"sku\":\"MUG\",\"title\":\"Белая\",\"price\":490}]}}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var collect = api.post("/collects.json", "{\"collect\":{\"product_id\":" + id + ",\"collection_id\":" + mugs + "}}");
        assertThat(collect.status()).isEqualTo(201);

        JsonNode product = api.get("/products/" + id + ".json").json();
        assertThat(product.get("description").asText()).isEqualTo("<p>Фарфор</p>");
        assertThat(product.get("collections_ids").get(0).asLong()).isEqualTo(mugs);
        assertThat(product.get("variants").get(0).get("title").asText()).isEqualTo("Белая");
        assertThat(api.get("/collects.json?product_id=" + id).json()).hasSize(1);
        assertThat(api.get("/collections.json").json().get(0).get("title").asText()).isEqualTo("Кружки");
        assertThat(api.get("/categories/" + category + ".json").json().get("title").asText()).isEqualTo("Каталог");
    }

    @Test
    void collectOfAnUnknownCollectionIsRefused() {
        long id = seedProduct("Кружка", variant("MUG", 1)).productId();
        var r = api.post("/collects.json", "{\"collect\":{\"product_id\":" + id + ",\"collection_id\":42}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").has("collection_id")).isTrue();
    }

    @Test
    void attachedImageIsServedFromTheShopsHostWithoutAuth() throws Exception {
        long id = seedProduct("Кружка", variant("MUG", 1)).productId();
        var r = api.post("/products/" + id + "/images.json",
                "{\"image\":{\"attachment\":\"" + PNG + "\",\"filename\":\"mug.png\"}}");
        assertThat(r.status()).isEqualTo(201);
        String url = r.json().get("original_url").asText();
        assertThat(api.get("/products/" + id + ".json").json().get("images").get(0).get("original_url").asText()).isEqualTo(url);

        HttpResponse<byte[]> file = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(file.body()).isEqualTo(Base64.getDecoder().decode(PNG));
    }

    @Test
    void imageNeedsASourceOrAnAttachment() {
        long id = seedProduct("Кружка", variant("MUG", 1)).productId();
        assertThat(api.post("/products/" + id + "/images.json", "{\"image\":{}}").status()).isEqualTo(422);
    }
}

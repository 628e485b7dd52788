package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ProductSeed;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import dev.enlace.connector.insales.simulator.InsalesAdmin.VariantSeed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProductsTest extends SimulatorTest {

    @Test
    void listsAreBareArraysOfProductsWithTheirVariants() {
        SeededProduct p = seedProduct("Футболка", variant("TS-S", 3), variant("TS-M", 5));
        JsonNode list = api.get("/products.json").json();
        assertThat(list.isArray()).isTrue();
        JsonNode product = list.get(0);
        assertThat(product.get("id").asLong()).isEqualTo(p.productId());
        assertThat(product.get("title").asText()).isEqualTo("Футболка");
        assertThat(product.get("variants")).hasSize(2);
        JsonNode v = product.get("variants").get(0);
        assertThat(v.get("product_id").asLong()).isEqualTo(p.productId());
        assertThat(v.get("sku").asText()).isEqualTo("TS-S");
        assertThat(v.get("quantity").asInt()).isEqualTo(3);
        assertThat(v.get("price").isTextual()).as("money is a decimal string").isTrue();
        assertThat(product.get("updated_at").asText()).endsWith("+03:00");
    }

    @Test
    void pagesArePageAndPerPageCappedAt250() {
        sim.seed(shop.shop(), IntStream.range(0, 260)
                .mapToObj(i -> new ProductSeed("P" + i, List.of(variant("SKU-" + i, 1)))).toList());
        assertThat(api.get("/products.json?per_page=1000&page=1").json()).hasSize(250);
        assertThat(api.get("/products.json?per_page=250&page=2").json()).hasSize(10);
        assertThat(api.get("/products.json?per_page=250&page=3").json()).isEmpty();
        assertThat(api.get("/products.json").json()).as("default page size").hasSize(100);
        assertThat(api.get("/products/count.json").json().get("count").asInt()).isEqualTo(260);
    }

    @Test
    void updatedSinceWithFromIdMovesACursorWithoutSkippingEqualTimestamps() {
        List<SeededProduct> seeded = sim.seed(shop.shop(), IntStream.range(0, 5)
                .mapToObj(i -> new ProductSeed("P" + i, List.of(variant("SKU-" + i, 1)))).toList());
        JsonNode first = api.get("/products.json?per_page=2&updated_since=" + enc("2000-01-01T00:00:00+03:00")).json();
        assertThat(first).hasSize(2);
        List<Long> seen = new ArrayList<>();
        JsonNode page = first;
        while (!page.isEmpty()) {
            page.forEach(p -> seen.add(p.get("id").asLong()));
            JsonNode last = page.get(page.size() - 1);
            page = api.get("/products.json?per_page=2&updated_since=" + enc(last.get("updated_at").asText())
                    + "&from_id=" + last.get("id").asLong()).json();
        }
        assertThat(seen).containsExactlyElementsOf(seeded.stream().map(SeededProduct::productId).toList());
    }

    @Test
    void createTakesTheWrappedProductWithVariantsAttributes() {
        Api.Response created = api.post("/products.json", """
                {"product":{"category_id":123,"title":"Футболка","variants_attributes":[{"sku":"TS-001","quantity":5,"price":990}]}}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode v = created.json().get("variants").get(0);
        assertThat(v.get("sku").asText()).isEqualTo("TS-001");
        assertThat(sim.stock(shop.shop(), v.get("id").asLong()).quantity()).isEqualTo(5);
    }

    @Test
    void aProductWithoutTitleIsA422WithRailsStyleErrors() {
        Api.Response invalid = api.post("/products.json", "{\"product\":{\"category_id\":1}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get("title").get(0).asText()).isNotBlank();
    }

    @Test
    void aMissingProductIs404() {
        assertThat(api.get("/products/999.json").status()).isEqualTo(404);
    }

    @Test
    void seedingAHundredThousandVariantsIsQuick() {
        long start = System.nanoTime();
        List<ProductSeed> seeds = IntStream.range(0, 25_000)
                .mapToObj(i -> new ProductSeed("P" + i, IntStream.range(0, 4)
                        .mapToObj(j -> new VariantSeed("SKU-" + i + "-" + j, null, BigDecimal.TEN, 1)).toList()))
                .toList();
        List<SeededProduct> seeded = sim.seed(shop.shop(), seeds);
        System.out.printf("seeded 100,000 variants in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(seeded.stream().mapToInt(s -> s.variantIds().size()).sum()).isEqualTo(100_000);
        assertThat(api.get("/products/count.json").json().get("count").asInt()).isEqualTo(25_000);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.enlace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.simulator.InsalesAdmin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CA4 inSales -> MoySklad: an inSales shop with a real catalogue (collections, descriptions,
 * prices, images, one product with two variants), built through the shop's own API as a merchant
 * would, and an empty MoySklad account that has the "inSales product ID" field (CA9).
 */
public final class StoreSyncTenant {
    /** A 1x1 PNG: MoySklad accepts only JPEG or PNG content. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One store product as created: its id, its variants' ids by SKU. */
    public record StoreProduct(long id, String title, Map<String, Long> variants) {
    }

    public record Created(String id, String accountId, String shop, Map<String, StoreProduct> products) {
    }

    /** A variant to create: SKU, option title (null for a product without options), price. */
    record Variant(String sku, String option, String price) {
    }

    private StoreSyncTenant() {
    }

    public static Created create(Simulators sims, Path tenantsDir, String id) throws IOException {
        var account = sims.moysklad().createAccount(id);
        sims.moysklad().createProductAttribute(account.accountId(), "inSales product ID", "string");
        InsalesAdmin.ShopCredentials shop = sims.insales().createShop(new InsalesAdmin.NewShop(id, null));
        ShopApi api = new ShopApi(sims.insalesUrl() + shop.apiBase(), shop.apiKey(), shop.password());
        long category = api.post("/categories.json", "category", Map.of("title", "Каталог")).get("id").asLong();
        long mugs = api.post("/collections.json", "collection", Map.of("title", "Кружки")).get("id").asLong();
        long shirts = api.post("/collections.json", "collection", Map.of("title", "Футболки")).get("id").asLong();
        Map<String, StoreProduct> products = new LinkedHashMap<>();
        products.put("mug-white", api.product(category, "Кружка белая", "<p>Фарфор, 300 мл</p>",
                List.of(new Variant("SS-MUG-1", null, "490.00")), mugs, true));
        products.put("mug-black", api.product(category, "Кружка чёрная", "<p>Керамика</p>",
                List.of(new Variant("SS-MUG-2", null, "520")), mugs, false));
        products.put("shirt", api.product(category, "Футболка", null,
                List.of(new Variant("SS-TS-S", "S", "990"), new Variant("SS-TS-M", "M", "1090")), shirts, true));

        MoyskladInsalesTenant.writeTenantFile(sims, tenantsDir, id, account, shop,
                "an inSales shop with a catalogue and an empty MoySklad account (CA4)");
        return new Created(id, account.accountId(), shop.shop(), products);
    }

    /** The shop's admin API with Basic auth, over HTTP/1.1. */
    public static final class ShopApi {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String auth;

        public ShopApi(String base, String login, String password) {
            this.base = base;
            this.auth = "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        /** Creates a product with its variants ({sku, option title, price}), an image if asked, in one collection. */
        StoreProduct product(long category, String title, String description, List<Variant> variants, long collection,
                boolean image) throws IOException {
            List<Map<String, Object>> attrs = new ArrayList<>();
            for (Variant v : variants) {
                Map<String, Object> attr = new LinkedHashMap<>();
                attr.put("sku", v.sku());
                attr.put("title", v.option());
                attr.put("price", v.price());
                attrs.add(attr);
            }
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("category_id", category);
            product.put("title", title);
            product.put("description", description);
            product.put("variants_attributes", attrs);
            JsonNode created = post("/products.json", "product", product);
            long id = created.get("id").asLong();
            post("/collects.json", "collect", Map.of("product_id", id, "collection_id", collection));
            if (image) {
                post("/products/" + id + "/images.json", "image", Map.of("attachment",
                        Base64.getEncoder().encodeToString(PNG), "filename", "photo-" + id + ".png"));
            }
            Map<String, Long> ids = new LinkedHashMap<>();
            created.get("variants").forEach(v -> ids.put(v.get("sku").asText(), v.get("id").asLong()));
            return new StoreProduct(id, title, ids);
        }

        public JsonNode post(String path, String root, Object body) throws IOException {
            return send("POST", path, JSON.writeValueAsString(Map.of(root, body)));
        }

        public JsonNode put(String path, String root, Object body) throws IOException {
            return send("PUT", path, JSON.writeValueAsString(Map.of(root, body)));
        }

        public JsonNode get(String path) throws IOException {
            return send("GET", path, null);
        }

        private JsonNode send(String method, String path, String body) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                return JSON.readTree(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}

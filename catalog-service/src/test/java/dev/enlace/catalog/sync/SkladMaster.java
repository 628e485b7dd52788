package dev.enlace.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.simulator.InsalesAdmin;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator.AccountAccess;
import dev.enlace.testing.MoyskladInsalesTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.StoreSyncTenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * A tenant of its own for each MoySklad -> inSales product sync test: a MoySklad account whose catalogue is built
 * through MoySklad's public API as its owner would (folders, a second price type "Интернет", products with
 * descriptions, prices, images and variants), and an inSales shop with one category and no products. The MoySklad
 * entity webhooks for {@code product} and {@code variant} are registered on demand, pointing at the service.
 */
final class SkladMaster {
    static final String WEB_PRICE = "Интернет";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String id;
    final AccountAccess account;
    final InsalesAdmin.ShopCredentials shop;
    final StoreSyncTenant.ShopApi store;
    /** Hrefs of the account's price types: the default "Цена продажи" and "Интернет". */
    final String salePrice;
    final String webPrice;
    private final Path staging;

    private SkladMaster(String id, AccountAccess account, InsalesAdmin.ShopCredentials shop, Path staging) {
        this.id = id;
        this.account = account;
        this.shop = shop;
        this.staging = staging;
        this.store = new StoreSyncTenant.ShopApi(SimulatedTenantResources.simulators().insalesUrl() + shop.apiBase(),
                shop.apiKey(), shop.password());
        List<String> types = addWebPriceType(account.token());
        this.salePrice = types.get(0);
        this.webPrice = types.get(1);
    }

    /** CA7: adds the price type "Интернет" after the default one, as the account's admin would; answers both hrefs. */
    static List<String> addWebPriceType(String token) {
        String sale = send(token, "GET", "/context/companysettings/pricetype/default", null).path("meta").path("href").asText();
        JsonNode types = send(token, "POST", "/context/companysettings/pricetype", List.of(
                Map.of("meta", meta(sale, "pricetype"), "name", "Цена продажи"), Map.of("name", WEB_PRICE)));
        return List.of(types.get(0).path("meta").path("href").asText(), types.get(1).path("meta").path("href").asText());
    }

    /** The account and the shop; the tenant is installed by {@link #install} once the catalogue is built. */
    static SkladMaster create(String id) {
        try {
            var sims = SimulatedTenantResources.simulators();
            AccountAccess account = sims.moysklad().createAccount(id);
            sims.moysklad().createProductAttribute(account.accountId(), MoyskladInsalesTenant.LINK_ATTRIBUTE, "string");
            InsalesAdmin.ShopCredentials shop = sims.insales().createShop(new InsalesAdmin.NewShop(id, null));
            Path staging = Files.createTempDirectory("enlace-sklad-tenant-");
            SkladMaster t = new SkladMaster(id, account, shop, staging);
            t.store.post("/categories.json", "category", Map.of("title", "Каталог"));
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the tenant file with these catalog settings (YAML lines, may be empty) and waits until it is loaded. */
    SkladMaster install(String catalogSettings) {
        try {
            MoyskladInsalesTenant.writeTenantFile(SimulatedTenantResources.simulators(), staging, id, account, shop,
                    "a MoySklad catalogue and an empty inSales shop (product sync, ERP as master)");
            Files.writeString(staging.resolve(id + ".yaml"), "settings:\n", StandardOpenOption.APPEND);
            SyncTenant.install(staging, id, catalogSettings);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CA5: MoySklad's entity webhooks for products and variants, created and changed, as the account's admin registers them. */
    SkladMaster registerProductHooks() {
        String url = SimulatedTenantResources.serviceUrl() + "/webhooks/moysklad/" + id + "/" + id + "-moysklad-hook";
        for (String type : List.of("product", "variant")) {
            for (String action : List.of("CREATE", "UPDATE")) {
                post("/entity/webhook", Map.of("url", url, "action", action, "entityType", type));
            }
        }
        return this;
    }

    // ---- the MoySklad side, through its API ----

    String folder(String name, String parentHref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (parentHref != null) {
            body.put("productFolder", Map.of("meta", meta(parentHref, "productfolder")));
        }
        return post("/entity/productfolder", body).path("meta").path("href").asText();
    }

    /** A product with a sale price and a web price (roubles), in a folder; answers its id. */
    String product(String name, String article, String description, String folderHref, double sale, double web) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (article != null) {
            body.put("article", article);
        }
        body.put("description", description);
        body.put("salePrices", prices(sale, web));
        if (folderHref != null) {
            body.put("productFolder", Map.of("meta", meta(folderHref, "productfolder")));
        }
        return post("/entity/product", body).path("id").asText();
    }

    void image(String productId, String filename) {
        post("/entity/product/" + productId + "/images", Map.of("filename", filename,
                "content", Base64.getEncoder().encodeToString(StoreSyncTenant.PNG)));
    }

    /** A variant with one characteristic "Размер" (created when missing) and its own prices; answers its id. */
    String variant(String productId, String article, String size, double sale, double web) {
        boolean known = StreamSupport.stream(get("/entity/variant/metadata/characteristics").path("characteristics").spliterator(), false)
                .anyMatch(c -> c.path("name").asText().equals("Размер"));
        if (!known) {
            post("/entity/variant/metadata/characteristics", Map.of("name", "Размер", "type", "string"));
        }
        return post("/entity/variant", Map.of("product", Map.of("meta", meta(base() + "/entity/product/" + productId, "product")),
                "article", article, "characteristics", List.of(Map.of("name", "Размер", "value", size)),
                "salePrices", prices(sale, web))).path("id").asText();
    }

    JsonNode put(String path, Object body) {
        return send(account.token(), "PUT", path, body);
    }

    JsonNode post(String path, Object body) {
        return send(account.token(), "POST", path, body);
    }

    JsonNode get(String path) {
        return send(account.token(), "GET", path, null);
    }

    List<Map<String, Object>> prices(double sale, double web) {
        return List.of(Map.of("value", sale * 100, "priceType", Map.of("meta", meta(salePrice, "pricetype"))),
                Map.of("value", web * 100, "priceType", Map.of("meta", meta(webPrice, "pricetype"))));
    }

    static Map<String, Object> meta(String href, String type) {
        return Map.of("href", href, "type", type, "mediaType", "application/json");
    }

    private static String base() {
        return SimulatedTenantResources.simulators().moyskladUrl() + "/api/remap/1.2";
    }

    private static JsonNode send(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip")
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                // the account's 45 units / 3 s are shared with Enlace's own calls
                if (response.statusCode() == 429 && attempt < 20) {
                    Thread.sleep(Long.parseLong(response.headers().firstValue("X-Lognex-Retry-After").orElse("500")));
                    continue;
                }
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                return JSON.readTree(response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the inSales side ----

    List<JsonNode> storeProducts() {
        try {
            List<JsonNode> all = new ArrayList<>();
            store.get("/products.json?per_page=250").forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<JsonNode> storeProduct(String sku) {
        return storeProducts().stream().filter(p -> StreamSupport.stream(p.path("variants").spliterator(), false)
                .anyMatch(v -> sku.equals(v.path("sku").asText(null)))).findFirst();
    }

    /** The titles of the collections the product is in, each as its path ({@code Одежда/Футболки}). */
    List<String> collectionPaths(JsonNode product) {
        try {
            Map<Long, JsonNode> byId = new LinkedHashMap<>();
            store.get("/collections.json").forEach(c -> byId.put(c.path("id").asLong(), c));
            List<String> paths = new ArrayList<>();
            for (JsonNode id : product.path("collections_ids")) {
                List<String> names = new ArrayList<>();
                for (JsonNode at = byId.get(id.asLong()); at != null;
                        at = at.path("parent_id").isNull() ? null : byId.get(at.path("parent_id").asLong())) {
                    names.add(0, at.path("title").asText());
                }
                paths.add(String.join("/", names));
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

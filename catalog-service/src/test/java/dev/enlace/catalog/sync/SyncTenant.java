package dev.enlace.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.simulator.BsaleSeed;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.RelbaseTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A tenant of its own for each product sync test: a Bsale company whose product notifications reach the service
 * under test, and a Jumpseller store, both in the shared simulators. Talks to both through their public APIs, as
 * the shop owner's back offices would.
 */
final class SyncTenant {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String id;
    private final String storeCode;
    /** The Bsale side; null for a relBase tenant. */
    final DemoTenant.Created demo;
    /** The relBase side; null for a Bsale tenant. */
    final RelbaseTenant.Created relbase;
    /** The price list the tenant chose (CA7), where it chose one. */
    final long priceList;

    private SyncTenant(String id, String storeCode, DemoTenant.Created demo, RelbaseTenant.Created relbase, long priceList) {
        this.id = id;
        this.storeCode = storeCode;
        this.demo = demo;
        this.relbase = relbase;
        this.priceList = priceList;
    }

    String id() {
        return id;
    }

    /** CA5 by polling: a relBase company (no webhooks) with {@code products} products also in the store. */
    static SyncTenant createRelbase(String id, int products, String catalogSettings) {
        try {
            Path staging = Files.createTempDirectory("enlace-sync-tenant-");
            RelbaseTenant.Created relbase = RelbaseTenant.create(sims(), staging, id, products);
            install(staging, id, catalogSettings);
            return new SyncTenant(id, relbase.storeCode(), null, relbase, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Simulators sims() {
        return SimulatedTenantResources.simulators();
    }

    /**
     * Creates the tenant with {@code shared} products present on both sides, and {@code catalog} as the tenant
     * file's catalog settings (YAML lines under {@code catalog:}, may be empty); waits until the service knows it.
     */
    static SyncTenant create(String id, int shared, String catalogSettings) {
        return create(id, shared, demo -> 0L, list -> catalogSettings);
    }

    /** CA7: a tenant whose store prices come from a second Bsale price list, "Web", with product CA7-PL. */
    static SyncTenant createWithPriceList(String id) {
        SyncTenant t = create(id, 0, demo -> {
            long web = sims().bsale().addPriceList(demo.cpnId(), "Web");
            sims().bsale().seed(demo.cpnId(), new BsaleSeed(List.of(), List.of(erpProduct("Lista Web", "CA7-PL", "9000"))));
            return web;
        }, list -> "priceList: \"" + list + "\"\n");
        return t;
    }

    private static SyncTenant create(String id, int shared, java.util.function.ToLongFunction<DemoTenant.Created> prepare,
            java.util.function.LongFunction<String> settings) {
        try {
            Path staging = Files.createTempDirectory("enlace-sync-tenant-");
            // stock notifications are not this service's: they go nowhere
            DemoTenant.Created demo = DemoTenant.create(sims(), staging, id,
                    new DemoTenant.Options(shared, false, List.of(DemoTenant.OFFICE), "http://127.0.0.1:9"));
            long priceList = prepare.applyAsLong(demo);
            sims().bsale().registerWebhook(demo.cpnId(), SimulatedTenantResources.serviceUrl() + "/webhooks/bsale/" + id
                    + "/" + demo.webhookToken(), Set.of("product", "variant", "price"));
            install(staging, id, settings.apply(priceList));
            return new SyncTenant(id, demo.storeCode(), demo, null, priceList);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the catalog settings, moves the tenant file into the service's directory and waits until it is loaded. */
    static void install(Path staging, String id, String catalogSettings) throws IOException {
        Path live = Path.of(ConfigProvider.getConfig().getValue("enlace.tenants.directory", String.class));
        Files.writeString(staging.resolve(id + ".yaml"), "  catalog:\n" + (catalogSettings.isBlank()
                ? "    enabled: true\n" : catalogSettings.indent(4)), java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(live.resolve("secrets"));
        try (Stream<Path> secrets = Files.list(staging.resolve("secrets"))) {
            for (Path secret : secrets.toList()) {
                Files.copy(secret, live.resolve("secrets").resolve(secret.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(staging.resolve(id + ".yaml"), live.resolve(id + ".yaml"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/tenants/" + id + "/links").statusCode() == 200);
    }

    /** Adds products to the Bsale company only; answers their product ids. */
    List<Long> seedErp(BsaleSeed.Product... products) {
        return sims().bsale().seed(demo.cpnId(), new BsaleSeed(List.of(), List.of(products))).productIds();
    }

    static BsaleSeed.Product erpProduct(String name, String... skusAndNetPrices) {
        List<BsaleSeed.Variant> variants = new ArrayList<>();
        for (int i = 0; i < skusAndNetPrices.length; i += 2) {
            variants.add(new BsaleSeed.Variant(skusAndNetPrices[i], null, "Talla " + (i / 2 + 1), 0, 0,
                    Double.parseDouble(skusAndNetPrices[i + 1]), Map.of(DemoTenant.OFFICE, 3.0)));
        }
        return new BsaleSeed.Product(name, null, 0, 1, 0, variants);
    }

    /** PUT on Bsale's API, as its back office would change a product (fires the {@code product} notification). */
    void bsalePut(String path, Map<String, Object> body) {
        send(HttpRequest.newBuilder(URI.create(sims().bsaleUrl() + "/v1" + path))
                .header("access_token", demo.bsaleToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** GET on Bsale's API. */
    JsonNode bsaleGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(sims().bsaleUrl() + "/v1" + path))
                .header("access_token", demo.bsaleToken()).GET().build());
    }

    /** Every product of the store, as its API shows them. */
    List<JsonNode> storeProducts() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode list = send(store("/products.json?limit=100&page=" + page).GET().build());
            list.forEach(w -> all.add(w.get("product")));
            if (list.size() < 100) {
                return all;
            }
        }
    }

    /** The store product holding this SKU, on itself or on one of its variants. */
    Optional<JsonNode> storeProduct(String sku) {
        return storeProducts().stream().filter(p -> sku.equals(p.path("sku").asText(null))
                || Stream.of(p.path("variants")).flatMap(vs -> java.util.stream.StreamSupport.stream(vs.spliterator(), false))
                        .anyMatch(v -> sku.equals(v.path("sku").asText(null)))).findFirst();
    }

    /** The image URLs of the store product holding this SKU, in the store's order. */
    List<String> storeImages(String sku) {
        List<String> urls = new ArrayList<>();
        storeProduct(sku).orElseThrow().path("images").forEach(i -> urls.add(i.path("url").asText()));
        return urls;
    }

    /** A picture the shop owner added in the store's back office. */
    void storeAddImage(long productId, String url) {
        send(store("/products/" + productId + "/images.json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("image", Map.of("url", url))))).build());
    }

    /** A shop owner's edit in the store's back office. */
    void storePut(long productId, Map<String, Object> product) {
        send(store("/products/" + productId + ".json").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("product", product)))).build());
    }

    private HttpRequest.Builder store(String path) {
        var credentials = sims().jumpseller().credentials(storeCode);
        String basic = Base64.getEncoder().encodeToString((credentials.login() + ":" + credentials.authtoken())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(sims().jumpsellerUrl() + "/v1" + path)).header("Authorization", "Basic " + basic);
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

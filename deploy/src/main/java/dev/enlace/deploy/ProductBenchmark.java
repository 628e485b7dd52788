package dev.enlace.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.simulator.BsaleSeed;
import dev.enlace.connector.bsale.simulator.BsaleSimulatorOptions;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.jumpseller.simulator.JumpsellerSimulator;
import dev.enlace.testing.Simulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CA1 + CA3 at catalogue scale, on the real stack (embedded Kafka, PostgreSQL, catalog-service as its own JVM, the
 * Bsale and Jumpseller simulators with their documented rate limits): a Bsale company with {@code --products N}
 * products of {@code --variants V} variants each, of which {@code --in-store P} percent already exist in the store;
 * links by SKU, then imports the rest and prints products/s and the time to the first and the last product, from
 * the run's own progress API. Not a test: it prints figures (docs/benchmarks.md).
 */
public final class ProductBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ProductBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("--products", "20000", "--variants", "2", "--in-store", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        int products = Integer.parseInt(opts.get("--products"));
        int variants = Integer.parseInt(opts.get("--variants"));
        int inStorePercent = Integer.parseInt(opts.get("--in-store"));

        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve(".local/product-bench");
        LocalStack.deleteRecursively(work);
        Path tenantsDir = Files.createDirectories(work.resolve("tenants"));
        LocalStack stack = new LocalStack(new LocalStack.Options(root, work, List.of("catalog-service"), false, "pbench"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.startInfrastructure(BsaleSimulatorOptions.defaults(), JumpsellerSimulator.Options.defaults());
        Simulators sims = stack.simulators();

        System.out.printf("Seeding %d products x %d variants in Bsale, %d %% of them also in Jumpseller...%n",
                products, variants, inStorePercent);
        var company = sims.bsale().createCompany("Bench SpA");
        var store = sims.jumpseller().createStore(JumpsellerAdmin.NewStore.withCode("bench-shop"));
        List<BsaleSeed.Product> erp = new ArrayList<>();
        List<JumpsellerAdmin.ProductSeed> shop = new ArrayList<>();
        for (int p = 1; p <= products; p++) {
            List<BsaleSeed.Variant> vs = new ArrayList<>();
            List<JumpsellerAdmin.VariantSeed> storeVariants = new ArrayList<>();
            for (int v = 1; v <= variants; v++) {
                String sku = String.format("B%06d-%d", p, v);
                vs.add(new BsaleSeed.Variant(sku, null, "Talla " + v, 0, 0, 1000.0 + p % 500, Map.of(1L, 5.0)));
                storeVariants.add(new JumpsellerAdmin.VariantSeed(sku, 1190.0, 0, false, "Talla", "T" + v));
            }
            erp.add(new BsaleSeed.Product("Producto " + p, null, 0, 1, 0, vs));
            if (p % 100 < inStorePercent) {
                shop.add(new JumpsellerAdmin.ProductSeed("Producto " + p, null, 1190.0, 0, false, "available", storeVariants));
            }
        }
        sims.bsale().seed(company.cpnId(), new BsaleSeed(List.of(), erp));
        sims.jumpseller().seedProducts(store.code(), shop);
        writeTenant(tenantsDir, sims, company, store);
        stack.startServices(tenantsDir);
        String base = stack.serviceUrl("catalog-service") + "/tenants/bench";

        long linkStart = System.nanoTime();
        JsonNode linked = JSON.readTree(Http.post(base + "/links/by-sku", ""));
        System.out.printf("CA1 link by SKU: %d linked (%d ERP variants, %d store variants) in %d ms%n",
                linked.path("linked").asInt(), linked.path("erpVariants").asInt(), linked.path("storeVariants").asInt(),
                Duration.ofNanos(System.nanoTime() - linkStart).toMillis());

        sims.jumpseller().resetCounters(store.code());
        JsonNode run = JSON.readTree(Http.post(base + "/products/import", ""));
        String progressUrl = base + "/products/runs/" + run.path("id").asText();
        JsonNode p;
        do {
            Thread.sleep(10_000);
            p = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(progressUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            System.out.printf("  %s: read %d, done %d/%s (created %d, skipped %d, failed %d), %.2f products/s, %s s left%n",
                    p.path("status").asText(), p.path("read").asLong(), p.path("done").asLong(),
                    p.path("total").isNull() ? "?" : p.path("total").asText(), p.path("created").asLong(),
                    p.path("skipped").asLong(), p.path("failed").asLong(), p.path("ratePerSecond").asDouble(),
                    p.path("remainingSeconds").isNull() ? "?" : p.path("remainingSeconds").asText());
        } while (!List.of("DONE", "FAILED").contains(p.path("status").asText()));

        OffsetDateTime started = OffsetDateTime.parse(p.path("startedAt").asText());
        OffsetDateTime first = OffsetDateTime.parse(p.path("firstWrittenAt").asText());
        OffsetDateTime last = OffsetDateTime.parse(p.path("lastWrittenAt").asText());
        double writing = Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
        var counters = sims.jumpseller().counters(store.code());
        double callsPerSecond = counters.apiCalls() / Math.max(0.001, Duration.between(started, last).toMillis() / 1000.0);
        System.out.printf("%nCA3 import of %d products (%d variants each): %d created, %d skipped (linked), %d failed%n",
                p.path("total").asLong(), variants, p.path("created").asLong(), p.path("skipped").asLong(),
                p.path("failed").asLong());
        System.out.printf("time to first product   %.1f s (reading the Bsale catalogue and prices first)%n",
                Duration.between(started, first).toMillis() / 1000.0);
        System.out.printf("time to last product    %.1f s%n", Duration.between(started, last).toMillis() / 1000.0);
        System.out.printf("products created/s      %.2f (first to last)%n", p.path("created").asLong() / writing);
        System.out.printf("store API calls         %d = %.2f/s; the store's budget is 13.33/s (800/min, 20/s); 429 answers: %d%n",
                counters.apiCalls(), callsPerSecond, counters.rateLimited());
        stack.close();
        System.exit(0);
    }

    private static void writeTenant(Path dir, Simulators sims, dev.enlace.connector.bsale.simulator.BsaleSimulator.CompanyAccess company,
            JumpsellerAdmin.StoreCredentials store) throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("bsale-token"), company.accessToken());
        Files.writeString(secrets.resolve("bsale-webhook-token"), "bench-webhook-token");
        Files.writeString(secrets.resolve("jumpseller-login"), store.login());
        Files.writeString(secrets.resolve("jumpseller-token"), store.authtoken());
        Files.writeString(secrets.resolve("jumpseller-hooks-token"), store.hooksToken());
        Files.writeString(dir.resolve("bench.yaml"), """
                id: bench
                name: product benchmark
                timezone: America/Santiago
                store:
                  system: jumpseller
                  baseUrl: %s/v1
                  properties:
                    storeCode: %s
                  credentials:
                    login: file:secrets/jumpseller-login
                    authToken: file:secrets/jumpseller-token
                    hooksToken: file:secrets/jumpseller-hooks-token
                erp:
                  system: bsale
                  baseUrl: %s/v1
                  properties:
                    companyId: "%d"
                  credentials:
                    accessToken: file:secrets/bsale-token
                    webhookToken: file:secrets/bsale-webhook-token
                """.formatted(sims.jumpsellerUrl(), store.code(), sims.bsaleUrl(), company.cpnId()));
    }
}

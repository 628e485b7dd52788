package dev.enlace.testing;

import dev.enlace.connector.bsale.simulator.BsaleSeed;
import dev.enlace.connector.insales.simulator.InsalesAdmin;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant whose ERP is a Bsale company and whose store is an inSales shop; every inSales
 * product has exactly one variant, the case where the first-variant rule (ST8) applies.
 */
public final class InsalesTenant {

    public record Created(String id, long cpnId, String shop, List<String> skus, Map<String, Long> bsaleVariants,
            Map<String, InsalesAdmin.SeededProduct> storeProducts) {
    }

    private InsalesTenant() {
    }

    public static Created create(Simulators sims, Path tenantsDir, String id, int products, String stockServiceUrl)
            throws IOException {
        var company = sims.bsale().createCompany(id + " SpA");
        List<String> skus = new ArrayList<>();
        List<BsaleSeed.Product> erpProducts = new ArrayList<>();
        List<InsalesAdmin.ProductSeed> storeSeeds = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            String sku = String.format("%s-%04d", id.toUpperCase(java.util.Locale.ROOT), i);
            skus.add(sku);
            erpProducts.add(new BsaleSeed.Product("Producto " + i, null, 0, 1, 0, List.of(new BsaleSeed.Variant(sku,
                    null, "Unidad", 0, 0, 9990.0, Map.of(DemoTenant.OFFICE, 30.0 + i)))));
            storeSeeds.add(new InsalesAdmin.ProductSeed("Товар " + i, List.of(
                    new InsalesAdmin.VariantSeed(sku, "Единый", new BigDecimal("990"), 0))));
        }
        var seeded = sims.bsale().seed(company.cpnId(), new BsaleSeed(List.of(), erpProducts));
        var shop = sims.insales().createShop(new InsalesAdmin.NewShop(id, null));
        var storeProducts = sims.insales().seed(shop.shop(), storeSeeds);
        Map<String, Long> variants = new LinkedHashMap<>();
        Map<String, InsalesAdmin.SeededProduct> store = new LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            variants.put(skus.get(i), seeded.variantIds().get(i));
            store.put(skus.get(i), storeProducts.get(i));
        }
        String webhookToken = "bsale-" + id + "-hook";
        Path secrets = Files.createDirectories(tenantsDir.resolve("secrets"));
        Files.writeString(secrets.resolve(id + "-bsale-token"), company.accessToken());
        Files.writeString(secrets.resolve(id + "-bsale-webhook-token"), webhookToken);
        Files.writeString(secrets.resolve(id + "-insales-key"), shop.apiKey());
        Files.writeString(secrets.resolve(id + "-insales-password"), shop.password());
        Files.writeString(secrets.resolve(id + "-insales-webhook-token"), "insales-" + id + "-hook");
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                # Generated for tests: a Bsale company and an inSales shop in the simulators.
                id: %1$s
                timezone: America/Santiago
                store:
                  system: insales
                  baseUrl: %2$s%3$s
                  credentials:
                    apiKey: file:secrets/%1$s-insales-key
                    password: file:secrets/%1$s-insales-password
                    webhookToken: file:secrets/%1$s-insales-webhook-token
                erp:
                  system: bsale
                  baseUrl: %4$s/v1
                  properties:
                    companyId: "%5$d"
                  credentials:
                    accessToken: file:secrets/%1$s-bsale-token
                    webhookToken: file:secrets/%1$s-bsale-webhook-token
                settings:
                  stock:
                    offices: ["%6$d"]
                """.formatted(id, sims.insalesUrl(), shop.apiBase(), sims.bsaleUrl(), company.cpnId(), DemoTenant.OFFICE));
        sims.bsale().registerWebhook(company.cpnId(), stockServiceUrl + "/webhooks/bsale/" + id + "/" + webhookToken,
                Set.of("stock"));
        return new Created(id, company.cpnId(), shop.shop(), skus, variants, store);
    }
}

package dev.enlace.testing;

import dev.enlace.connector.insales.simulator.InsalesAdmin;
import dev.enlace.connector.moysklad.simulator.MoyskladSeed;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator.AccountAccess;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant whose ERP is a MoySklad account and whose store is an inSales shop with the same SKUs (one
 * variant per product), the pair of shared/seeds/moysklad-insales.txt. The first {@code linkedInErp}
 * MoySklad products already name their inSales product in the product field "inSales product ID" (CA9).
 */
public final class MoyskladInsalesTenant {
    public static final String LINK_ATTRIBUTE = "inSales product ID";

    /**
     * @param erpProducts   SKU to MoySklad product id (its own assortment id: no variants)
     * @param storeProducts SKU to inSales product and its variant
     */
    public record Created(String id, String accountId, String shop, List<String> skus, int linkedInErp,
            Map<String, String> erpProducts, Map<String, InsalesAdmin.SeededProduct> storeProducts) {
    }

    private MoyskladInsalesTenant() {
    }

    public static Created create(Simulators sims, Path tenantsDir, String id, int products, int linkedInErp)
            throws IOException {
        var shop = sims.insales().createShop(new InsalesAdmin.NewShop(id, null));
        List<String> skus = new ArrayList<>();
        List<InsalesAdmin.ProductSeed> storeSeeds = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            String sku = String.format("%s-%04d", id.toUpperCase(Locale.ROOT), i);
            skus.add(sku);
            storeSeeds.add(new InsalesAdmin.ProductSeed("Товар " + i, List.of(
                    new InsalesAdmin.VariantSeed(sku, "Единый", new BigDecimal("990"), 5))));
        }
        var storeProducts = sims.insales().seed(shop.shop(), storeSeeds);

        var account = sims.moysklad().createAccount(id);
        List<MoyskladSeed.Product> erpSeeds = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            Map<String, String> attributes = i < linkedInErp
                    ? Map.of(LINK_ATTRIBUTE, String.valueOf(storeProducts.get(i).productId())) : null;
            erpSeeds.add(new MoyskladSeed.Product("Товар " + (i + 1), skus.get(i), null, null, 99000.0, attributes,
                    Map.of(MoyskladTenant.MAIN, 7.0), null, null));
        }
        var seeded = sims.moysklad().seed(account.accountId(), new MoyskladSeed(
                List.of(new MoyskladSeed.Store(MoyskladTenant.MAIN, null)), erpSeeds));
        Map<String, String> erpProducts = new LinkedHashMap<>();
        Map<String, InsalesAdmin.SeededProduct> store = new LinkedHashMap<>();
        for (int i = 0; i < products; i++) {
            erpProducts.put(skus.get(i), seeded.productIds().get(i));
            store.put(skus.get(i), storeProducts.get(i));
        }

        writeTenantFile(sims, tenantsDir, id, account, shop, "a MoySklad account and an inSales shop in the simulators");
        return new Created(id, account.accountId(), shop.shop(), skus, linkedInErp, erpProducts, store);
    }

    /** Writes {@code <id>.yaml} and its secrets: an inSales store and a MoySklad ERP in the simulators. */
    public static void writeTenantFile(Simulators sims, Path tenantsDir, String id, AccountAccess account,
            InsalesAdmin.ShopCredentials shop, String what) throws IOException {
        Path secrets = Files.createDirectories(tenantsDir.resolve("secrets"));
        Files.writeString(secrets.resolve(id + "-moysklad-token"), account.token());
        Files.writeString(secrets.resolve(id + "-moysklad-webhook-token"), id + "-moysklad-hook");
        Files.writeString(secrets.resolve(id + "-insales-key"), shop.apiKey());
        Files.writeString(secrets.resolve(id + "-insales-password"), shop.password());
        Files.writeString(secrets.resolve(id + "-insales-webhook-token"), id + "-insales-hook");
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                # Generated for tests: %6$s.
                id: %1$s
                timezone: Europe/Moscow
                store:
                  system: insales
                  baseUrl: %2$s%3$s
                  credentials:
                    apiKey: file:secrets/%1$s-insales-key
                    password: file:secrets/%1$s-insales-password
                    webhookToken: file:secrets/%1$s-insales-webhook-token
                erp:
                  system: moysklad
                  baseUrl: %4$s/api/remap/1.2
                  properties:
                    accountId: "%5$s"
                  credentials:
                    accessToken: file:secrets/%1$s-moysklad-token
                    webhookToken: file:secrets/%1$s-moysklad-webhook-token
                """.formatted(id, sims.insalesUrl(), shop.apiBase(), sims.moyskladUrl(), account.accountId(), what));
    }
}

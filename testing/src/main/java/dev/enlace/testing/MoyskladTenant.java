package dev.enlace.testing;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.moysklad.simulator.MoyskladSeed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant whose ERP is a MoySklad account with two warehouses, selling the sum of both (ST8),
 * through a Jumpseller store with the same SKUs; MoySklad's stock webhook points at stock-service.
 */
public final class MoyskladTenant {
    public static final String MAIN = "Основной склад";
    public static final String SHOP = "Магазин";

    public record Created(String id, String accountId, List<String> storeIds, String storeCode, List<String> skus,
            Map<String, String> products, Map<String, String> assortments) {
    }

    private MoyskladTenant() {
    }

    public static Created create(Simulators sims, Path tenantsDir, String id, int products, String stockServiceUrl)
            throws IOException {
        var account = sims.moysklad().createAccount(id);
        List<String> skus = new ArrayList<>();
        List<MoyskladSeed.Product> seeds = new ArrayList<>();
        List<JumpsellerAdmin.ProductSeed> storeProducts = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            String sku = String.format("%s-%04d", id.toUpperCase(java.util.Locale.ROOT), i);
            skus.add(sku);
            seeds.add(new MoyskladSeed.Product("Товар " + i, sku, null, null, 99000.0, null,
                    Map.of(MAIN, 10.0 + i, SHOP, 2.0), Map.of(MAIN, 1.0), null));
            storeProducts.add(new JumpsellerAdmin.ProductSeed("Товар " + i, sku, 990.0, 0, false, "available", List.of()));
        }
        var seeded = sims.moysklad().seed(account.accountId(), new MoyskladSeed(
                List.of(new MoyskladSeed.Store(MAIN, null), new MoyskladSeed.Store(SHOP, null)), seeds));
        Map<String, String> productIds = new LinkedHashMap<>();
        Map<String, String> assortmentIds = new LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            productIds.put(skus.get(i), seeded.productIds().get(i));
            assortmentIds.put(skus.get(i), seeded.assortmentIds().get(i));
        }
        String storeCode = JumpsellerStoreFixture.create(sims, tenantsDir, id, storeProducts);

        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String webhookToken = HexFormat.of().formatHex(random);
        Path secrets = Files.createDirectories(tenantsDir.resolve("secrets"));
        Files.writeString(secrets.resolve(id + "-moysklad-token"), account.token());
        Files.writeString(secrets.resolve(id + "-moysklad-webhook-token"), webhookToken);
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                # Generated for tests: a MoySklad account and a Jumpseller store in the simulators.
                id: %1$s
                timezone: Europe/Moscow
                %2$serp:
                  system: moysklad
                  baseUrl: %3$s/api/remap/1.2
                  properties:
                    accountId: "%4$s"
                  credentials:
                    accessToken: file:secrets/%1$s-moysklad-token
                    webhookToken: file:secrets/%1$s-moysklad-webhook-token
                """.formatted(id, JumpsellerStoreFixture.yaml(sims, id), sims.moyskladUrl(), account.accountId()));
        sims.moysklad().registerStockWebhook(account.accountId(),
                stockServiceUrl + "/webhooks/moysklad/" + id + "/" + webhookToken, "all", "stock");
        return new Created(id, account.accountId(), seeded.storeIds(), storeCode, skus, productIds, assortmentIds);
    }
}

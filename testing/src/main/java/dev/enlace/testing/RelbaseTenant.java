package dev.enlace.testing;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.relbase.simulator.RelbaseSeed;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant whose ERP is a relBase company (no stock webhooks: Enlace polls it) and whose store
 * is a Jumpseller store with the same SKUs, both in the simulators.
 */
public final class RelbaseTenant {

    public record Created(String id, long companyId, long warehouse, String storeCode, List<String> skus,
            Map<String, Long> products) {
    }

    private RelbaseTenant() {
    }

    public static Created create(Simulators sims, Path tenantsDir, String id, int products) throws IOException {
        var company = sims.relbase().createCompany(id + " Ltda");
        long warehouse = sims.relbase().defaultWarehouse(company.companyId());
        List<String> skus = new ArrayList<>();
        List<RelbaseSeed.Product> seeds = new ArrayList<>();
        List<JumpsellerAdmin.ProductSeed> storeProducts = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            String sku = String.format("%s-%04d", id.toUpperCase(java.util.Locale.ROOT), i);
            skus.add(sku);
            seeds.add(new RelbaseSeed.Product(sku, "Producto " + i, null, new BigDecimal("11990"), true,
                    Map.of(String.valueOf(warehouse), BigDecimal.valueOf(20 + i))));
            storeProducts.add(new JumpsellerAdmin.ProductSeed("Producto " + i, sku, 11990.0, 0, false, "available", List.of()));
        }
        var seeded = sims.relbase().seed(company.companyId(), new RelbaseSeed(List.of(), seeds));
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            ids.put(skus.get(i), seeded.productIds().get(i));
        }
        String storeCode = JumpsellerStoreFixture.create(sims, tenantsDir, id, storeProducts);

        Path secrets = Files.createDirectories(tenantsDir.resolve("secrets"));
        Files.writeString(secrets.resolve(id + "-relbase-company"), company.companyToken());
        Files.writeString(secrets.resolve(id + "-relbase-user"), company.userToken());
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                # Generated for tests: a relBase company (polled) and a Jumpseller store in the simulators.
                id: %1$s
                timezone: America/Santiago
                %2$serp:
                  system: relbase
                  baseUrl: %3$s/api/v1
                  credentials:
                    companyToken: file:secrets/%1$s-relbase-company
                    userToken: file:secrets/%1$s-relbase-user
                settings:
                  stock:
                    offices: ["%4$d"]
                    pollInterval: PT10S
                """.formatted(id, JumpsellerStoreFixture.yaml(sims, id), sims.relbaseUrl(), warehouse));
        return new Created(id, company.companyId(), warehouse, storeCode, skus, ids);
    }

    /**
     * Turns tax documents on, issued automatically (DO1, DO2) from the tenant's warehouse. {@code receiptType}
     * is what a buyer who asked for no factura gets: "39" (boleta) or "1001" (nota de venta). Credit notes
     * and guías (61, 52) are configured too (DO3, DO4).
     */
    public static void enableDocuments(Path tenantsDir, Created tenant, String receiptType) throws IOException {
        Files.writeString(tenantsDir.resolve(tenant.id() + ".yaml"), """
                  documents:
                    enabled: true
                    mode: AUTOMATIC
                    receiptType: "%s"
                    invoiceType: "33"
                    creditNoteType: "61"
                    dispatchGuideType: "52"
                    office: "%d"
                """.formatted(receiptType, tenant.warehouse()), java.nio.file.StandardOpenOption.APPEND);
    }

    /** Turns the tenant's {@code stock.erpSalesToStore} on (ST3): relBase's own sales lower the store's stock. */
    public static void sendErpSalesToStore(Path tenantsDir, String id) throws IOException {
        Files.writeString(tenantsDir.resolve(id + ".yaml"), "    erpSalesToStore: true\n",
                java.nio.file.StandardOpenOption.APPEND);
    }
}

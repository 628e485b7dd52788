package dev.enlace.testing;

import dev.enlace.connector.bsale.simulator.BsaleSeed;
import dev.enlace.connector.bsale.simulator.BsaleSimulator;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant whose ERP is a Bsale company and whose store is a Jumpseller store, both in the
 * simulators, with the same SKUs on both sides. Writes {@code <id>.yaml} and its secret files
 * into the tenants directory and registers the Bsale notification URL, as a shop owner would
 * ask Bsale's support to.
 */
public final class DemoTenant {
    /** The office the tenant sells from, and a second one whose stock only counts when all offices do (ST8). */
    public static final long OFFICE = 1;
    public static final long WAREHOUSE = 2;
    static final double WAREHOUSE_STOCK = 5;

    public record Created(String id, long cpnId, String bsaleToken, String storeCode, String webhookToken,
            List<String> skus, Map<String, Long> bsaleVariants) {

        /** SKUs Bsale lets sell without stock ({@code allowNegativeStock}). */
        public List<String> sellableWithoutStock() {
            return skus.stream().filter(s -> Integer.parseInt(s.substring(s.lastIndexOf('-') + 1)) % 5 == 0).toList();
        }

        /** SKUs Bsale sells only from stock. */
        public List<String> stockOnly() {
            return skus.stream().filter(s -> !sellableWithoutStock().contains(s)).toList();
        }
    }

    /**
     * The tenant's stock settings and where Bsale sends its notifications.
     *
     * @param offices        ST8: the offices whose stock counts; empty = all
     * @param stockServiceUrl the stock-service base URL the Bsale notification URL points at
     */
    public record Options(int products, boolean preSale, List<Long> offices, String stockServiceUrl) {
    }

    private DemoTenant() {
    }

    public static Created create(Simulators stack, Path tenantsDir, String id, Options options) throws IOException {
        int products = options.products();
        BsaleSimulator bsale = stack.bsale();
        var company = bsale.createCompany(id + " SpA");
        List<String> skus = new ArrayList<>();
        List<BsaleSeed.Product> bsaleProducts = new ArrayList<>();
        List<JumpsellerAdmin.ProductSeed> storeProducts = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            String sku = String.format("%s-%04d", id.toUpperCase(java.util.Locale.ROOT), i);
            skus.add(sku);
            double stock = 10 + i % 7;
            // every fifth variant may be sold without stock in Bsale (ST7)
            int sellWithoutStock = i % 5 == 0 ? 1 : 0;
            // sold by weight, so stock may be fractional (ST5)
            bsaleProducts.add(new BsaleSeed.Product("Producto " + i, null, 0, 1, 1, List.of(
                    new BsaleSeed.Variant(sku, null, "Unidad", 0, sellWithoutStock, 9990.0,
                            Map.of(OFFICE, stock, WAREHOUSE, WAREHOUSE_STOCK)))));
            // half simple products, half products with one variant: both shapes of a Jumpseller catalogue
            storeProducts.add(i % 2 == 0
                    ? new JumpsellerAdmin.ProductSeed("Producto " + i, sku, 11890.0, 0, false, "available", List.of())
                    : new JumpsellerAdmin.ProductSeed("Producto " + i, null, 11890.0, 0, false, "available", List.of(
                            new JumpsellerAdmin.VariantSeed(sku, 11890.0, 0, false, "Talla", "Única"))));
        }
        BsaleSeed.Result seeded = bsale.seed(company.cpnId(), new BsaleSeed(
                List.of(new BsaleSeed.Office("Bodega central", "Av. Matta 500", "Santiago", "Santiago", 0)), bsaleProducts));
        Map<String, Long> variants = new java.util.LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            variants.put(skus.get(i), seeded.variantIds().get(i));
        }

        String storeCode = id + "-shop";
        String login = "login-" + token(4);
        String authToken = token(16);
        String hooksToken = token(16);
        stack.jumpseller().createStore(new JumpsellerAdmin.NewStore(storeCode, id + " shop", login, authToken,
                hooksToken, null, null, null, null, null, null, null));
        stack.jumpseller().seedProducts(storeCode, storeProducts);

        String webhookToken = token(16);
        Path secrets = tenantsDir.resolve("secrets");
        Files.createDirectories(secrets);
        write(secrets.resolve(id + "-bsale-token"), company.accessToken());
        write(secrets.resolve(id + "-bsale-webhook-token"), webhookToken);
        write(secrets.resolve(id + "-jumpseller-login"), login);
        write(secrets.resolve(id + "-jumpseller-token"), authToken);
        write(secrets.resolve(id + "-jumpseller-hooks-token"), hooksToken);
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                # Generated by the local stack: a Bsale company and a Jumpseller store in the simulators.
                id: %1$s
                name: %1$s demo shop
                timezone: America/Santiago
                store:
                  system: jumpseller
                  baseUrl: %2$s/v1
                  properties:
                    storeCode: %3$s
                  credentials:
                    login: file:secrets/%1$s-jumpseller-login
                    authToken: file:secrets/%1$s-jumpseller-token
                    hooksToken: file:secrets/%1$s-jumpseller-hooks-token
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
                    enabled: true
                    offices: [%6$s]
                    preSale: %7$s
                """.formatted(id, stack.jumpsellerUrl(), storeCode, stack.bsaleUrl(), company.cpnId(),
                options.offices().stream().map(o -> "\"" + o + "\"").collect(java.util.stream.Collectors.joining(", ")),
                options.preSale()));
        bsale.registerWebhook(company.cpnId(),
                options.stockServiceUrl() + "/webhooks/bsale/" + id + "/" + webhookToken, Set.of("stock"));
        return new Created(id, company.cpnId(), company.accessToken(), storeCode, webhookToken, skus, variants);
    }

    /**
     * Turns tax documents on for a created tenant (DO1, DO2), with the Bsale simulator's SII codes, its main
     * office and its "Venta Web" payment type.
     */
    public static void enableDocuments(Path tenantsDir, String id, boolean manual) throws IOException {
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                  documents:
                    enabled: true
                    mode: %s
                    receiptType: "39"
                    invoiceType: "33"
                    creditNoteType: "61"
                    dispatchGuideType: "52"
                    paymentType: "8"
                    office: "%d"
                """.formatted(manual ? "MANUAL" : "AUTOMATIC", OFFICE), java.nio.file.StandardOpenOption.APPEND);
    }

    private static void write(Path file, String secret) throws IOException {
        Files.writeString(file, secret);
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

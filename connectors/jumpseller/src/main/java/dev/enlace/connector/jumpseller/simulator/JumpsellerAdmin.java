package dev.enlace.connector.jumpseller.simulator;

import java.time.Instant;
import java.util.List;

/**
 * The simulator's admin-side DTOs: what a merchant or shopper does in the real store (create
 * the store, load the catalogue, place and pay orders) and what tests inspect. JSON bodies of
 * the {@code /_sim/} API are these records in snake_case.
 */
public final class JumpsellerAdmin {
    private JumpsellerAdmin() {
    }

    /** Every field is optional: codes and tokens are generated, currency CLP, language es, 19% IVA included in prices. */
    public record NewStore(String code, String name, String login, String authtoken, String hooksToken,
            String currency, String country, String timezone, String language, String email,
            Double taxRate, Boolean taxesIncluded) {
        public static NewStore defaults() {
            return new NewStore(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public static NewStore withCode(String code) {
            return new NewStore(code, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** What a merchant reads in Admin → Account and Admin → Notifications; {@code oauthToken} is accepted as Bearer. */
    public record StoreCredentials(String code, String login, String authtoken, String hooksToken, String oauthToken,
            String apiBaseUrl) {
    }

    public record VariantSeed(String sku, Double price, Integer stock, Boolean stockUnlimited, String optionName,
            String optionValue) {
    }

    public record ProductSeed(String name, String sku, double price, Integer stock, Boolean stockUnlimited,
            String status, List<VariantSeed> variants) {
    }

    /**
     * A generated catalogue for benchmarks: {@code products} products with {@code variantsPerProduct}
     * variants each (0 = simple products), SKUs {@code <skuPrefix>-<n>} / {@code <skuPrefix>-<n>-<m>}.
     */
    public record CatalogSeed(int products, int variantsPerProduct, String skuPrefix, int stock, double price) {
    }

    public record SeedResult(int products, int variants, long firstProductId, long lastProductId) {
    }

    /** Current stock of one SKU; {@code variantId} is null for a product without variants. */
    public record StockLevel(String sku, long productId, Long variantId, int stock, boolean stockUnlimited) {
    }

    public record Address(String name, String surname, String taxid, String address, String streetNumber,
            String complement, String city, String postal, String municipality, String region, String regionCode,
            String country, String countryCode) {
    }

    public record BillingInformation(String businessActivity, String companyName, String taxpayerType) {
    }

    /** A checkout custom field answer, e.g. label {@code Documento} value {@code Factura}, area {@code other}. */
    public record AdditionalField(String label, String value, String area) {
    }

    public record Shopper(String email, String phone, String phonePrefix, String ip) {
    }

    /** One order line: by {@code sku}, or by {@code variantId}, or by {@code productId} for a product without variants. */
    public record OrderLine(String sku, Long variantId, Long productId, int qty, Double price, Double discount) {
        public static OrderLine sku(String sku, int qty) {
            return new OrderLine(sku, null, null, qty, null, null);
        }
    }

    /** A checkout as the storefront would submit it; the order starts as pending payment. */
    public record OrderRequest(Shopper customer, Address billingAddress, Address shippingAddress,
            BillingInformation billingInformation, List<AdditionalField> additionalFields, List<OrderLine> lines,
            Double shipping, Double discount, String paymentMethodName, String shippingMethodName,
            String shippingOption) {
    }

    public record Shipment(String trackingNumber, String trackingCompany, String trackingUrl) {
    }

    /** One HTTP try of one webhook delivery, as the receiver answered it (status 0 = no answer). */
    public record HookAttempt(long hookId, String event, String url, int attempt, int status, String error,
            Instant at, String body) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    public record HookState(long hookId, String event, String url, int consecutiveFailures, boolean paused) {
    }

    /** Per-store traffic: authenticated API calls, 429 answers and injected 500s since the last reset. */
    public record ApiCounters(long apiCalls, long rateLimited, long faults) {
    }
}

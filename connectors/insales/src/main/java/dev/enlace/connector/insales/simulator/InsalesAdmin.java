package dev.enlace.connector.insales.simulator;

import java.math.BigDecimal;
import java.util.List;

/** What the simulator's admin side takes and returns, in Java and as JSON under {@code /_sim}. */
public final class InsalesAdmin {
    private InsalesAdmin() {
    }

    /** @param name the shop's subdomain ({@code myshop} of {@code myshop.myinsales.ru}); null picks one */
    public record NewShop(String name, String password) {
    }

    /**
     * @param apiBase where the shop's admin API answers, relative to the simulator ({@code /shops/myshop/admin});
     *                the real one is {@code https://myshop.myinsales.ru/admin}
     * @param apiKey  the app identifier, the Basic login for every shop
     */
    public record ShopCredentials(String shop, String apiKey, String password, String apiBase) {
    }

    /** @param quantity null: stock not tracked */
    public record VariantSeed(String sku, String title, BigDecimal price, Integer quantity) {
    }

    public record ProductSeed(String title, List<VariantSeed> variants) {
    }

    public record SeededProduct(long productId, List<Long> variantIds) {
    }

    public record VariantStock(long productId, long variantId, String sku, Integer quantity) {
    }

    /** @param discount the discount on the whole line, in the shop's currency; null for none */
    public record OrderLineRequest(long variantId, int quantity, BigDecimal discount) {
        public OrderLineRequest(long variantId, int quantity) {
            this(variantId, quantity, null);
        }
    }

    /** @param checkout what the shopper filled in at checkout beyond the name and e-mail; null for nothing more */
    public record OrderRequest(List<OrderLineRequest> lines, String clientName, String clientEmail, Checkout checkout) {
        public OrderRequest(List<OrderLineRequest> lines, String clientName, String clientEmail) {
            this(lines, clientName, clientEmail, null);
        }
    }

    /**
     * @param paymentTitle  the payment method's name as the shop shows it ("Наложенный платёж" = cash on delivery)
     * @param deliveryPrice what delivery costs; null for free
     * @param fields        the shop's extra checkout fields the shopper filled in ({@code fields_values})
     */
    public record Checkout(String clientSurname, String clientPhone, ShippingAddress shippingAddress,
            String paymentTitle, String deliveryTitle, BigDecimal deliveryPrice, List<FieldValue> fields) {
    }

    public record ShippingAddress(String name, String phone, String address, String city, String state, String zip,
            String country) {
    }

    public record FieldValue(String name, String value) {
    }

    /** One webhook POST as the receiver answered it (status 0: no answer). */
    public record WebhookDelivery(String topic, String address, String body, int status) {
    }

    public record Counters(long apiCalls, long throttled, int usedInWindow) {
    }
}

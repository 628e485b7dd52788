package dev.enlace.connector.framework360.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as {@code orders/get} returns it. The field names follow the catalogued {@code orders/create} and
 * {@code customers/update} parameters ({@code user_email}, {@code cart}, {@code billing_data}, {@code nome},
 * {@code piva}...); the rest is a guess (see Framework360Guesses).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fw360Order(String id, Integer status, @JsonProperty("status_name") String statusName,
        @JsonProperty("user_email") String userEmail, @JsonProperty("customer_id") String customerId,
        @JsonProperty("billing_data") Party billingData, @JsonProperty("shipping_data") Party shippingData,
        List<CartItem> cart, Payment payment, String currency, BigDecimal subtotal,
        @JsonProperty("shipping_cost") BigDecimal shippingCost, BigDecimal discount, BigDecimal tax, BigDecimal total,
        String courier, String tracking, @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String nome, String cognome, String telefono, @JsonProperty("ragione_sociale") String ragioneSociale,
            String piva, String cf, String indirizzo, String citta, String comune, String cap, String provincia,
            String stato) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CartItem(@JsonProperty("product_id") String productId, @JsonProperty("variant_id") String variantId,
            String sku, String nome, BigDecimal quantita, BigDecimal prezzo, BigDecimal sconto, BigDecimal iva) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(Long id, String nome, Boolean contrassegno) {
    }

    /** {@code orders/updateStatus}: {@code id} and {@code status} required, {@code courier} and {@code tracking} optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusUpdate(String id, int status, String courier, String tracking) {
    }
}

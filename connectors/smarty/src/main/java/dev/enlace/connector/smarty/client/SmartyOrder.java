package dev.enlace.connector.smarty.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** A Smarty sales order (§B.4): created {@code processing}, then {@code shipped}, then {@code shipping_confirmed}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmartyOrder(Long id, String number, String code, String date, @JsonProperty("customer_id") Long customerId,
        @JsonProperty("payment_type") String paymentType, Boolean paid, @JsonProperty("cod_value") BigDecimal codValue,
        Boolean canceled, Boolean shipped, @JsonProperty("shipping_confirmed") Boolean shippingConfirmed,
        @JsonProperty("shipping_date") String shippingDate, String carrier, String tracking,
        @JsonProperty("billing_address") BillingAddress billingAddress, Fees fees, List<Row> rows) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BillingAddress(String name, String lastname, String address, String address2, String city,
            String zipcode, String state, @JsonProperty("country_iso") String countryIso, String vat, String dni) {
    }

    /** {@code shipping_tax: -1} presumably means the default rate. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fees(BigDecimal shipping, @JsonProperty("shipping_tax") Integer shippingTax, BigDecimal payment,
            BigDecimal extra) {
    }

    /** A line, matched to the catalogue by {@code sku}; quantity and price as the doc's example sends them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(Long id, String sku, String name, String quantity, String price, String discount,
            @JsonProperty("tax_id") Integer taxId) {
    }

    /** The optional body of {@code confirmShip}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shipment(String carrier, String tracking) {
    }
}

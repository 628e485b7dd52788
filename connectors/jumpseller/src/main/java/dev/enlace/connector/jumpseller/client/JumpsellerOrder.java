package dev.enlace.connector.jumpseller.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Jumpseller order as {@code GET /orders/{id}.json} and the order hooks render it (jumpseller.md §4).
 * Money stays BigDecimal as written; ids are strings because the spec types them as integers and the
 * webhook sample sends some as strings. {@code status} and {@code shipment_status} are translated
 * labels: only the {@code *_enum} fields are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JumpsellerOrder(
        String id,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        String currency,
        BigDecimal subtotal,
        BigDecimal tax,
        @JsonProperty("shipping_tax") BigDecimal shippingTax,
        BigDecimal shipping,
        BigDecimal discount,
        @JsonProperty("shipping_discount") BigDecimal shippingDiscount,
        BigDecimal total,
        @JsonProperty("status_enum") String statusEnum,
        @JsonProperty("shipment_status_enum") String shipmentStatusEnum,
        @JsonProperty("payment_method_name") String paymentMethodName,
        @JsonProperty("payment_method_type") String paymentMethodType,
        Customer customer,
        @JsonProperty("shipping_address") Address shippingAddress,
        @JsonProperty("billing_address") Address billingAddress,
        @JsonProperty("billing_information") BillingInformation billingInformation,
        @JsonProperty("additional_fields") List<AdditionalField> additionalFields,
        List<Product> products) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String email, String phone, @JsonProperty("phone_prefix") String phonePrefix,
            String fullname) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String name, String surname, String taxid, String address,
            @JsonProperty("street_number") String streetNumber, String complement, String city, String postal,
            String municipality, String region, String country, @JsonProperty("country_code") String countryCode) {
    }

    /** Newer checkout data: giro and razón social. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BillingInformation(@JsonProperty("business_activity") String businessActivity,
            @JsonProperty("company_name") String companyName, @JsonProperty("taxpayer_type") String taxpayerType) {
    }

    /** A checkout custom field's answer, e.g. {@code Documento} = {@code Factura}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdditionalField(String label, String value, String area) {
    }

    /** One line: {@code id} is the product id, {@code price} per unit, {@code discount} for the line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(String id, @JsonProperty("variant_id") String variantId, String sku, String name,
            BigDecimal qty, BigDecimal price, BigDecimal tax, BigDecimal discount, List<Tax> taxes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(String name, BigDecimal rate, Boolean fixed,
            @JsonProperty("tax_on_product_price") Boolean taxOnProductPrice) {
    }

    /** Single reads and hook bodies wrap the order in an {@code order} key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Wrapped(JumpsellerOrder order) {
    }
}

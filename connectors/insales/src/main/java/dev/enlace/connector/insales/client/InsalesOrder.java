package dev.enlace.connector.insales.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** An order as {@code GET /orders/{id}.json} answers it and as its webhooks post it (shared/connectors/insales.md §6). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsalesOrder(
        long id,
        Long number,
        @JsonProperty("financial_status") String financialStatus,
        @JsonProperty("fulfillment_status") String fulfillmentStatus,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("items_price") BigDecimal itemsPrice,
        @JsonProperty("delivery_price") BigDecimal deliveryPrice,
        @JsonProperty("full_delivery_price") BigDecimal fullDeliveryPrice,
        @JsonProperty("total_price") BigDecimal totalPrice,
        @JsonProperty("payment_title") String paymentTitle,
        @JsonProperty("delivery_title") String deliveryTitle,
        Client client,
        @JsonProperty("shipping_address") ShippingAddress shippingAddress,
        @JsonProperty("fields_values") List<FieldValue> fieldsValues,
        @JsonProperty("order_lines") List<Line> orderLines,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(Long id, String type, String name, String surname, String middlename, String email, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShippingAddress(String name, String phone, String address, String city, String state, String zip,
            String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldValue(String name, String value) {
    }

    /**
     * @param salePrice       one unit before discounts
     * @param totalPrice      the line before discounts
     * @param fullTotalPrice  the line after every discount: the amount to export
     * @param discountsAmount the line's share of the discounts
     * @param vat             the VAT rate in percent; -1 when the product has none set
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(long id, @JsonProperty("product_id") Long productId, @JsonProperty("variant_id") Long variantId,
            String sku, String title, BigDecimal quantity, @JsonProperty("sale_price") BigDecimal salePrice,
            @JsonProperty("total_price") BigDecimal totalPrice, @JsonProperty("full_total_price") BigDecimal fullTotalPrice,
            @JsonProperty("discounts_amount") BigDecimal discountsAmount, Integer vat) {
    }
}

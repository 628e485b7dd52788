package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An order with its lines, addresses, checkout answers, history and attached documents. */
final class Order {
    static final List<String> STATUSES = List.of("pending_payment", "paid", "canceled", "abandoned");
    static final List<String> SHIPMENT_STATUSES =
            List.of("unfulfilled", "requested", "in_transit", "delivered", "failed", "pickup_available");

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("pending_payment", "Pending Payment"), Map.entry("paid", "Paid"),
            Map.entry("canceled", "Canceled"), Map.entry("abandoned", "Abandoned"),
            Map.entry("unfulfilled", "Unfulfilled"), Map.entry("requested", "Requested"),
            Map.entry("in_transit", "In Transit"), Map.entry("delivered", "Delivered"),
            Map.entry("failed", "Failed"), Map.entry("pickup_available", "Pickup Available"));
    // Only "No Procesado" is attested (official example); the other Spanish labels are plausible guesses.
    private static final Map<String, String> SPANISH = Map.ofEntries(
            Map.entry("pending_payment", "Pendiente de Pago"), Map.entry("paid", "Pagado"),
            Map.entry("canceled", "Cancelado"), Map.entry("abandoned", "Abandonado"),
            Map.entry("unfulfilled", "No Procesado"), Map.entry("requested", "Solicitado"),
            Map.entry("in_transit", "En Tránsito"), Map.entry("delivered", "Entregado"),
            Map.entry("failed", "Fallido"), Map.entry("pickup_available", "Disponible para Retiro"));

    /** One order line; {@code price} is per unit and {@code discount} the line's total discount. */
    record Line(long productId, Long variantId, String sku, String name, int qty, double price, double discount,
            double tax, double weight, String image, List<ObjectNode> stockLocations) {
        Line withTax(double value) {
            return new Line(productId, variantId, sku, name, qty, price, discount, value, weight, image, stockLocations);
        }
    }

    final long id;
    final Store store;
    final Instant createdAt;
    Instant completedAt;
    String status = "pending_payment";
    String shipmentStatus = "unfulfilled";
    final List<Line> lines = new ArrayList<>();
    double subtotal;
    double tax;
    double shipping;
    double discount;
    double total;
    ObjectNode customer;
    Long customerId;
    ObjectNode shippingAddress;
    ObjectNode billingAddress;
    ObjectNode billingInformation;
    final List<ObjectNode> additionalFields = new ArrayList<>();
    String paymentMethodName;
    String paymentMethodType;
    String shippingMethodName;
    String shippingOption = "delivery";
    String additionalInformation;
    String trackingNumber;
    String trackingCompany;
    String trackingUrl;
    /** Whether this order's lines are currently taken out of stock (paid and not canceled since). */
    boolean stockTaken;
    final List<ObjectNode> history = new ArrayList<>();
    final List<ObjectNode> documents = new ArrayList<>();

    Order(long id, Store store, Instant createdAt) {
        this.id = id;
        this.store = store;
        this.createdAt = createdAt;
    }

    static String translate(String language, String value) {
        return ("es".equals(language) ? SPANISH : ENGLISH).getOrDefault(value, value);
    }

    /** Maps either the enum ({@code paid}) or an English or store-language label ({@code Paid}) to the enum. */
    static String statusEnum(String value, List<String> allowed, String language) {
        if (value == null) {
            return null;
        }
        for (String s : allowed) {
            if (s.equalsIgnoreCase(value.trim()) || translate("en", s).equalsIgnoreCase(value.trim())
                    || translate(language, s).equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        return null;
    }

    boolean fulfilled() {
        return !"unfulfilled".equals(shipmentStatus);
    }

    ObjectNode toJson() {
        String currency = store.currency;
        ObjectNode n = Json.object();
        n.put("id", id);
        ObjectNode source = n.putObject("source");
        source.put("created_from", "checkout");
        n.put("created_at", Json.date(createdAt));
        n.put("completed_at", Json.date(completedAt));
        n.put("currency", currency);
        n.put("subtotal", Json.money(subtotal, currency));
        n.put("tax", Json.money(tax, currency));
        n.put("shipping_tax", Json.money(0, currency));
        n.put("shipping", Json.money(shipping, currency));
        n.put("shipping_required", !"no_shipping".equals(shippingOption));
        n.put("total", Json.money(total, currency));
        n.put("discount", Json.money(discount, currency));
        n.put("shipping_discount", Json.money(0, currency));
        n.put("gift_cards_discount", Json.money(0, currency));
        n.put("fulfillment_status", fulfilled() ? "fulfilled" : "unfulfilled");
        n.put("shipping_method_name", shippingMethodName);
        n.put("payment_method_name", paymentMethodName);
        n.put("payment_method_type", paymentMethodType);
        n.put("payment_information", (String) null);
        n.put("additional_information", additionalInformation);
        n.putNull("coupons");
        n.putArray("promotions");
        n.set("customer", customer);
        n.set("shipping_address", shippingAddress);
        n.set("billing_address", billingAddress);
        n.set("billing_information", billingInformation);
        ArrayNode products = n.putArray("products");
        for (Line line : lines) {
            products.add(lineJson(line, currency));
        }
        n.putArray("additional_fields").addAll(additionalFields);
        n.putArray("shipping_taxes");
        n.put("status", translate(store.language, status));
        n.put("status_name", translate(store.language, status));
        n.put("status_enum", status);
        n.put("tracking_url", trackingUrl);
        n.put("tracking_company", trackingCompany);
        n.put("tracking_number", trackingNumber);
        n.put("shipping_option", shippingOption);
        n.put("same_day_delivery", false);
        n.put("shipment_status", translate(store.language, shipmentStatus));
        n.put("shipment_status_enum", shipmentStatus);
        return n;
    }

    private ObjectNode lineJson(Line line, String currency) {
        ObjectNode p = Json.object();
        p.put("id", line.productId());
        p.put("variant_id", line.variantId());
        p.put("sku", line.sku());
        p.put("name", line.name());
        p.put("image", line.image());
        p.put("qty", line.qty());
        p.put("price", Json.money(line.price(), currency));
        p.put("tax", Json.money(line.tax(), currency));
        p.put("discount", Json.money(line.discount(), currency));
        p.put("weight", line.weight());
        p.put("type", "physical");
        ArrayNode taxes = p.putArray("taxes");
        if (store.taxRate > 0) {
            ObjectNode t = taxes.addObject();
            t.put("id", 1);
            t.put("name", "IVA");
            t.put("rate", store.taxRate);
            t.put("fixed", false);
            t.put("tax_on_product_price", store.taxesIncluded);
        }
        p.putArray("stock_locations").addAll(line.stockLocations());
        p.putArray("files");
        return p;
    }
}

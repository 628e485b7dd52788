package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A customer account. Writes carry one {@code shipping_address}/{@code billing_address}; reads show plural arrays. */
final class Customer {
    static final Set<String> STATUSES = Set.of("approved", "pending", "disabled");
    static final List<String> SHIPPING_FIELDS =
            List.of("name", "surname", "address", "city", "postal", "municipality", "region", "country");
    static final List<String> BILLING_FIELDS =
            List.of("name", "surname", "taxid", "address", "city", "postal", "municipality", "region", "country");

    final long id;
    final Instant createdAt;
    String email;
    String phone;
    String phonePrefix;
    String status = "approved";
    boolean acceptsMarketing;
    String acceptedMarketingAt;
    String cancelledMarketingAt;
    ObjectNode shippingAddress;
    ObjectNode billingAddress;
    final List<ObjectNode> additionalFields = new ArrayList<>();

    Customer(long id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    /** The documented rule: full name from the default billing address, else the email. */
    String fullname() {
        if (billingAddress != null) {
            String full = (billingAddress.path("name").asText("") + " " + billingAddress.path("surname").asText(""))
                    .trim();
            if (!full.isEmpty()) {
                return full;
            }
        }
        return email;
    }

    List<Runnable> parse(JsonNode in, boolean creating) {
        List<Runnable> ops = new ArrayList<>();
        JsonNode emailNode = in.get("email");
        if (creating && (emailNode == null || emailNode.isNull() || emailNode.asText().isBlank())) {
            throw ApiException.invalid("Email can't be blank");
        }
        Json.text(in, "email", v -> {
            if (v == null || !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ApiException.invalid("Email is invalid");
            }
            ops.add(() -> email = v.trim());
        });
        Json.text(in, "phone", v -> ops.add(() -> phone = v));
        Json.text(in, "phone_prefix", v -> ops.add(() -> phonePrefix = v));
        Json.text(in, "status", v -> {
            if (v == null || !STATUSES.contains(v)) {
                throw ApiException.invalid("Status is not included in the list");
            }
            ops.add(() -> status = v);
        });
        Json.bool(in, "accepts_marketing", v -> ops.add(() -> acceptsMarketing = v));
        Json.text(in, "accepted_marketing_at", v -> ops.add(() -> acceptedMarketingAt = v));
        Json.text(in, "cancelled_marketing_at", v -> ops.add(() -> cancelledMarketingAt = v));
        JsonNode shipping = in.get("shipping_address");
        if (shipping != null && shipping.isObject()) {
            ObjectNode address = pick(shipping, SHIPPING_FIELDS);
            ops.add(() -> shippingAddress = address);
        }
        JsonNode billing = in.get("billing_address");
        if (billing != null && billing.isObject()) {
            ObjectNode address = pick(billing, BILLING_FIELDS);
            ops.add(() -> billingAddress = address);
        }
        return ops;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("email", email);
        n.put("phone", phone);
        n.put("phone_prefix", phonePrefix);
        n.put("fullname", fullname());
        n.put("status", status);
        n.put("accepts_marketing", acceptsMarketing);
        n.put("accepted_marketing_at", acceptedMarketingAt);
        n.put("cancelled_marketing_at", cancelledMarketingAt);
        n.putArray("shipping_addresses").addAll(shippingAddress == null ? List.of() : List.of(shippingAddress));
        n.putArray("billing_addresses").addAll(billingAddress == null ? List.of() : List.of(billingAddress));
        n.putArray("customer_categories");
        n.putArray("customer_additional_fields").addAll(additionalFields);
        return n;
    }

    /** The short customer block embedded in orders. */
    ObjectNode toOrderJson(String ip) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("email", email);
        n.put("phone", phone);
        n.put("phone_prefix", phonePrefix);
        n.put("ip", ip);
        n.put("fullname", fullname());
        return n;
    }

    static ObjectNode pick(JsonNode in, List<String> fields) {
        ObjectNode out = Json.object();
        for (String f : fields) {
            JsonNode v = in.get(f);
            out.put(f, v == null || v.isNull() ? null : v.asText());
        }
        return out;
    }
}

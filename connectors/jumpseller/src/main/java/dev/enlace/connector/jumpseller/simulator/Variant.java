package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A product variant; its stock is what the storefront sells when the product has variants. */
final class Variant {
    /** One option value of the variant, e.g. Talla = M; ids live on the product's option table. */
    record OptionValue(String name, String optionType, String value, String custom) {
    }

    final long id;
    final Product product;
    Double price;
    String sku;
    String barcode;
    int stock = 100;
    boolean stockUnlimited;
    /** Stock held at locations other than the main one; the main location holds {@code stock} minus these. */
    final Map<Long, Integer> otherLocations = new LinkedHashMap<>();
    int stockThreshold;
    boolean stockNotification;
    Double costPerItem;
    Double compareAtPrice;
    Long imageId;
    List<OptionValue> options = List.of();

    Variant(long id, Product product) {
        this.id = id;
        this.product = product;
    }

    double effectivePrice() {
        return price != null ? price : product.price;
    }

    /** Validates a {@code variant} write payload and returns the assignments to run once all fields passed. */
    List<Runnable> parse(JsonNode in) {
        List<Runnable> ops = new ArrayList<>();
        Json.decimal(in, "price", v -> ops.add(() -> price = v));
        Json.text(in, "sku", v -> ops.add(() -> sku = v));
        Json.text(in, "barcode", v -> ops.add(() -> barcode = v));
        Json.int32(in, "stock", v -> ops.add(() -> stock = v));
        Json.bool(in, "stock_unlimited", v -> ops.add(() -> stockUnlimited = v));
        Json.int32(in, "stock_threshold", v -> ops.add(() -> stockThreshold = v));
        Json.bool(in, "stock_notification", v -> ops.add(() -> stockNotification = v));
        Json.decimal(in, "cost_per_item", v -> ops.add(() -> costPerItem = v));
        Json.decimal(in, "compare_at_price", v -> ops.add(() -> compareAtPrice = v));
        JsonNode image = in.get("image_id");
        if (image != null && !image.isNull()) {
            if (!image.canConvertToLong()) {
                throw ApiException.invalid("Image is invalid");
            }
            long imageIdValue = image.asLong();
            ops.add(() -> imageId = imageIdValue);
        }
        JsonNode opts = in.get("options");
        if (opts != null && !opts.isNull()) {
            if (!opts.isArray()) {
                throw ApiException.invalid("Options must be an array");
            }
            List<OptionValue> parsed = new ArrayList<>();
            for (JsonNode o : opts) {
                String name = o.path("name").asText(null);
                String value = o.path("value").asText(null);
                String type = o.path("option_type").asText("option");
                if (name == null || value == null) {
                    throw ApiException.invalid("Option name and value can't be blank");
                }
                if (!"option".equals(type) && !"color".equals(type)) {
                    throw ApiException.invalid("Option type is not included in the list");
                }
                parsed.add(new OptionValue(name, type, value, o.path("custom").asText(null)));
            }
            ops.add(() -> options = List.copyOf(parsed));
        }
        return ops;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("price", Json.money(effectivePrice(), product.store.currency));
        n.put("sku", sku);
        n.put("barcode", barcode);
        n.put("stock", stock);
        n.put("stock_unlimited", stockUnlimited);
        n.put("stock_threshold", stockThreshold);
        n.put("stock_notification", stockNotification);
        n.put("cost_per_item", costPerItem);
        n.put("compare_at_price", compareAtPrice);
        ArrayNode opts = n.putArray("options");
        for (OptionValue o : options) {
            Product.Option option = product.option(o.name(), o.optionType());
            ObjectNode on = opts.addObject();
            on.put("product_option_id", option.id);
            on.put("product_option_value_id", option.valueId(o.value()));
            on.put("name", o.name());
            on.put("option_type", o.optionType());
            on.put("value", o.value());
            on.put("custom", o.custom());
            on.put("product_option_position", option.position);
            on.put("product_value_position", option.valuePosition(o.value()));
        }
        ObjectNode image = product.image(imageId);
        if (image == null) {
            n.putNull("image");
        } else {
            n.set("image", image);
        }
        return n;
    }
}

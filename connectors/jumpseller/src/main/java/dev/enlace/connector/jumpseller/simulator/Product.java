package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A catalogue product with its embedded variants, images, categories and option table. */
final class Product {
    static final Set<String> STATUSES = Set.of("available", "not-available", "disabled");
    private static final Set<String> TYPES = Set.of("physical", "digital", "gift_card");
    private static final Set<String> PACKAGE_FORMATS = Set.of("box", "cylinder");

    /** A product option (e.g. Talla) with the ids and positions of its values, as variants expose them. */
    static final class Option {
        final long id;
        final int position;
        final Map<String, Long> values = new LinkedHashMap<>();

        Option(long id, int position) {
            this.id = id;
            this.position = position;
        }

        Long valueId(String value) {
            return values.get(value);
        }

        int valuePosition(String value) {
            return new ArrayList<>(values.keySet()).indexOf(value);
        }
    }

    final long id;
    final Store store;
    String name;
    String pageTitle;
    String description;
    String type = "physical";
    double price;
    double discount;
    double weight = 1;
    int stock = 100;
    boolean stockUnlimited;
    /** Stock held at locations other than the main one; the main location holds {@code stock} minus these. */
    final Map<Long, Integer> otherLocations = new LinkedHashMap<>();
    int stockThreshold;
    boolean stockNotification;
    boolean backInStockEnabled;
    Double costPerItem;
    Double compareAtPrice;
    String sku;
    String brand;
    String barcode;
    boolean quotable;
    boolean featured;
    boolean reviewsEnabled = true;
    boolean shippingRequired = true;
    String status = "available";
    String packageFormat = "box";
    Double length;
    Double width;
    Double height;
    Double diameter;
    String permalink;
    Instant createdAt;
    Instant updatedAt;
    final List<ObjectNode> categories = new ArrayList<>();
    final List<ObjectNode> images = new ArrayList<>();
    final List<Variant> variants = new ArrayList<>();
    private final Map<String, Option> options = new LinkedHashMap<>();

    Product(long id, Store store, Instant now) {
        this.id = id;
        this.store = store;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean hasVariants() {
        return !variants.isEmpty();
    }

    /**
     * What the API reports as the product's stock. With variants the sellable stock lives on
     * them, so the product shows their sum (the documentation is silent; see README).
     */
    int reportedStock() {
        if (!hasVariants()) {
            return stock;
        }
        long sum = 0;
        for (Variant v : variants) {
            sum += v.stock;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
    }

    /** Validates a {@code product} write payload; nothing changes unless every present field is valid. */
    List<Runnable> parse(JsonNode in, boolean creating) {
        List<Runnable> ops = new ArrayList<>();
        JsonNode nameNode = in.get("name");
        if (creating && (nameNode == null || nameNode.isNull() || nameNode.asText().isBlank())) {
            throw ApiException.invalid("Name can't be blank");
        }
        if (nameNode != null && (nameNode.isNull() || nameNode.asText().isBlank())) {
            throw ApiException.invalid("Name can't be blank");
        }
        if (creating && (in.get("price") == null || in.get("price").isNull())) {
            throw ApiException.invalid("Price can't be blank");
        }
        if (in.has("price") && in.get("price").isNull()) {
            throw ApiException.invalid("Price can't be blank");
        }
        Json.text(in, "name", v -> ops.add(() -> name = v));
        Json.text(in, "page_title", v -> ops.add(() -> pageTitle = v));
        Json.text(in, "description", v -> ops.add(() -> description = v));
        Json.text(in, "type", v -> {
            if (!TYPES.contains(v)) {
                throw ApiException.invalid("Type is not included in the list");
            }
            ops.add(() -> type = v);
        });
        double[] newPrice = {price};
        Json.decimal(in, "price", v -> {
            newPrice[0] = v;
            ops.add(() -> price = v);
        });
        Json.decimal(in, "weight", v -> ops.add(() -> weight = v == null ? 1 : v));
        Json.int32(in, "stock", v -> ops.add(() -> stock = v));
        Json.bool(in, "stock_unlimited", v -> ops.add(() -> stockUnlimited = v));
        Json.int32(in, "stock_threshold", v -> ops.add(() -> stockThreshold = v));
        Json.bool(in, "stock_notification", v -> ops.add(() -> stockNotification = v));
        Json.bool(in, "back_in_stock_enabled", v -> ops.add(() -> backInStockEnabled = v));
        Json.decimal(in, "cost_per_item", v -> ops.add(() -> costPerItem = v));
        Json.decimal(in, "compare_at_price", v -> {
            if (v != null && v <= newPrice[0]) {
                throw ApiException.invalid("Compare at price must be greater than price");
            }
            ops.add(() -> compareAtPrice = v);
        });
        Json.text(in, "sku", v -> ops.add(() -> sku = v));
        Json.text(in, "brand", v -> ops.add(() -> brand = v));
        Json.text(in, "barcode", v -> ops.add(() -> barcode = v));
        Json.bool(in, "quotable", v -> ops.add(() -> quotable = v));
        Json.bool(in, "featured", v -> ops.add(() -> featured = v));
        Json.bool(in, "reviews_enabled", v -> ops.add(() -> reviewsEnabled = v));
        Json.bool(in, "shipping_required", v -> ops.add(() -> shippingRequired = v));
        Json.text(in, "status", v -> {
            if (v == null || !STATUSES.contains(v)) {
                throw ApiException.invalid("Status is not included in the list");
            }
            ops.add(() -> status = v);
        });
        Json.text(in, "package_format", v -> {
            if (v == null || !PACKAGE_FORMATS.contains(v)) {
                throw ApiException.invalid("Package format is not included in the list");
            }
            ops.add(() -> packageFormat = v);
        });
        Json.decimal(in, "length", v -> ops.add(() -> length = v));
        Json.decimal(in, "width", v -> ops.add(() -> width = v));
        Json.decimal(in, "height", v -> ops.add(() -> height = v));
        Json.decimal(in, "diameter", v -> ops.add(() -> diameter = v));
        Json.text(in, "permalink", v -> ops.add(() -> permalink = v));
        JsonNode cats = in.get("categories");
        if (cats != null && cats.isArray()) {
            List<ObjectNode> parsed = new ArrayList<>();
            for (JsonNode c : cats) {
                ObjectNode cat = Json.object();
                cat.put("id", c.path("id").canConvertToLong() ? c.path("id").asLong() : store.ids.next());
                cat.put("name", c.path("name").asText(null));
                cat.set("parent_id", c.path("parent_id").isNumber() ? c.get("parent_id") : Json.NODES.nullNode());
                cat.put("permalink", c.path("permalink").asText(slug(c.path("name").asText(""))));
                parsed.add(cat);
            }
            ops.add(() -> {
                categories.clear();
                categories.addAll(parsed);
            });
        }
        return ops;
    }

    /** Records the option names and values a variant uses, giving them ids and positions. */
    void registerOptions(Variant variant) {
        for (Variant.OptionValue o : variant.options) {
            Option option = options.computeIfAbsent(key(o.name(), o.optionType()),
                    k -> new Option(store.ids.next(), options.size()));
            option.values.computeIfAbsent(o.value(), k -> store.ids.next());
        }
    }

    Option option(String name, String type) {
        return options.get(key(name, type));
    }

    ObjectNode image(Long imageId) {
        if (imageId == null) {
            return null;
        }
        return images.stream().filter(i -> i.path("id").asLong() == imageId).findFirst().orElse(null);
    }

    Variant variant(long variantId) {
        for (Variant v : variants) {
            if (v.id == variantId) {
                return v;
            }
        }
        return null;
    }

    ObjectNode toJson() {
        String currency = store.currency;
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.put("page_title", pageTitle != null ? pageTitle : name);
        n.put("description", description);
        n.put("type", type);
        n.put("price", Json.money(price, currency));
        n.put("discount", Json.money(discount, currency));
        n.put("weight", weight);
        n.put("stock", reportedStock());
        n.put("stock_unlimited", stockUnlimited);
        n.put("stock_threshold", stockThreshold);
        n.put("stock_notification", stockNotification);
        n.put("back_in_stock_enabled", backInStockEnabled);
        n.put("cost_per_item", costPerItem);
        n.put("compare_at_price", compareAtPrice);
        n.put("sku", sku);
        n.put("brand", brand);
        n.put("barcode", barcode);
        n.put("quotable", quotable);
        n.put("featured", featured);
        n.put("reviews_enabled", reviewsEnabled);
        n.put("shipping_required", shippingRequired);
        n.put("status", status);
        n.put("created_at", Json.date(createdAt));
        n.put("updated_at", Json.date(updatedAt));
        n.put("package_format", packageFormat);
        n.put("length", length);
        n.put("width", width);
        n.put("height", height);
        n.put("diameter", diameter);
        n.put("permalink", permalink != null ? permalink : slug(name));
        ArrayNode cats = n.putArray("categories");
        categories.forEach(cats::add);
        ArrayNode imgs = n.putArray("images");
        images.forEach(imgs::add);
        ArrayNode vars = n.putArray("variants");
        for (Variant v : variants) {
            vars.add(v.toJson());
        }
        n.putArray("digital_products");
        return n;
    }

    static String slug(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    private static String key(String name, String type) {
        return type + ":" + name;
    }
}

package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The inSales admin API of each shop under {@code /shops/{shop}/admin}: auth, limit, faults, then resources. */
final class ApiRoutes {
    private static final String SHOP = "insales.shop";
    private static final String PREFIX = "/shops/(?<shop>[a-z0-9-]+)/admin";
    static final int MAX_PER_PAGE = 250;
    static final int DEFAULT_PER_PAGE = 100;
    static final int GROUP_UPDATE_MAX = 100;
    static final Set<String> TOPICS = Set.of("orders/create", "orders/update", "products/create", "products/update");

    /** A resource handler under the shop's lock; returns the body and sets the status when not 200. */
    @FunctionalInterface
    interface Action {
        JsonNode handle(RoutingContext ctx, Shop shop);
    }

    /** An HTTP error with inSales' body. */
    static final class Failure extends RuntimeException {
        final int status;
        final JsonNode body;

        Failure(int status, JsonNode body) {
            super(body.toString(), null, false, false);
            this.status = status;
            this.body = body;
        }

        static Failure notFound() {
            return new Failure(404, InsalesSimulator.JSON.createObjectNode().put("errors", "Not found"));
        }

        /** Rails-style validation errors: {@code {"errors":{"title":["не может быть пустым"]}}}. */
        static Failure invalid(String field, String message) {
            ObjectNode body = InsalesSimulator.JSON.createObjectNode();
            body.putObject("errors").putArray(field).add(message);
            return new Failure(422, body);
        }
    }

    private final InsalesSimulator sim;

    ApiRoutes(InsalesSimulator sim) {
        this.sim = sim;
    }

    void mount(Router r) {
        r.routeWithRegex("/shops/[^/]+/admin/.*").handler(BodyHandler.create().setBodyLimit(16 * 1024 * 1024));
        r.routeWithRegex("/shops/[^/]+/admin/.*").handler(this::gate);
        // fixed names before {id}
        on(r, HttpMethod.GET, "/products/count\\.json", (ctx, shop) -> count(shop.products.size()));
        on(r, HttpMethod.PUT, "/products/variants_group_update\\.json", this::groupUpdate);
        on(r, HttpMethod.PUT, "/variants/group_update\\.json", this::groupUpdate);
        on(r, HttpMethod.GET, "/products\\.json", (ctx, shop) -> list(ctx, new ArrayList<>(shop.products.values()),
                p -> p.id, p -> p.updatedAt, sim::productJson));
        on(r, HttpMethod.POST, "/products\\.json", this::createProduct);
        on(r, HttpMethod.GET, "/products/(?<id>\\d+)\\.json", (ctx, shop) -> sim.productJson(product(ctx, shop)));
        on(r, HttpMethod.PUT, "/products/(?<id>\\d+)\\.json", this::updateProduct);
        on(r, HttpMethod.GET, "/products/(?<id>\\d+)/variants\\.json", (ctx, shop) -> {
            ArrayNode a = InsalesSimulator.JSON.createArrayNode();
            product(ctx, shop).variants.forEach(v -> a.add(sim.variantJson(v)));
            return a;
        });
        on(r, HttpMethod.POST, "/products/(?<id>\\d+)/variants\\.json", this::createVariant);
        on(r, HttpMethod.GET, "/products/(?<id>\\d+)/variants/(?<vid>\\d+)\\.json",
                (ctx, shop) -> sim.variantJson(variant(ctx, shop)));
        on(r, HttpMethod.PUT, "/products/(?<id>\\d+)/variants/(?<vid>\\d+)\\.json", this::updateVariant);
        new CatalogRoutes(sim, this).mount(r);
        on(r, HttpMethod.GET, "/orders/count\\.json", (ctx, shop) -> count(shop.orders.size()));
        on(r, HttpMethod.GET, "/orders\\.json", (ctx, shop) -> list(ctx, new ArrayList<>(shop.orders.values()),
                o -> o.id, o -> o.updatedAt, sim::orderJson));
        on(r, HttpMethod.GET, "/orders/(?<id>\\d+)\\.json", (ctx, shop) -> {
            Shop.Order o = shop.orders.get(id(ctx, "id"));
            if (o == null) {
                throw Failure.notFound();
            }
            return sim.orderJson(o);
        });
        on(r, HttpMethod.GET, "/webhooks\\.json", (ctx, shop) -> {
            ArrayNode a = InsalesSimulator.JSON.createArrayNode();
            shop.webhooks.values().forEach(w -> a.add(webhookJson(w)));
            return a;
        });
        on(r, HttpMethod.POST, "/webhooks\\.json", this::createWebhook);
        on(r, HttpMethod.GET, "/webhooks/(?<id>\\d+)\\.json", (ctx, shop) -> webhookJson(webhook(ctx, shop)));
        on(r, HttpMethod.DELETE, "/webhooks/(?<id>\\d+)\\.json", (ctx, shop) -> {
            shop.webhooks.remove(webhook(ctx, shop).id());
            return InsalesSimulator.JSON.createObjectNode();
        });
        r.routeWithRegex("/shops/[^/]+/admin/.*").handler(ctx -> send(ctx, Failure.notFound()));
    }

    void on(Router r, HttpMethod method, String path, Action action) {
        r.routeWithRegex(method, PREFIX + path).handler(ctx -> {
            Shop shop = ctx.get(SHOP);
            JsonNode body;
            try {
                synchronized (shop) {
                    body = action.handle(ctx, shop);
                }
            } catch (Failure f) {
                send(ctx, f);
                return;
            }
            int status = ctx.response().getStatusCode();
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").setStatusCode(status)
                    .end(body.toString());
        });
    }

    /** Basic auth (app identifier + shop password), then faults, then the 500-per-5-minutes window. */
    private void gate(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String name = path.substring("/shops/".length(), path.indexOf('/', "/shops/".length()));
        Shop shop = sim.findShop(name);
        if (shop == null) {
            send(ctx, Failure.notFound());
            return;
        }
        if (!authorized(ctx.request().getHeader("Authorization"), shop)) {
            // Rails' http_basic_authenticate answer
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"Application\"")
                    .putHeader("Content-Type", "text/html; charset=utf-8").end("HTTP Basic: Access denied.\n");
            return;
        }
        shop.apiCalls.incrementAndGet();
        Integer fault = shop.takeFault();
        if (fault != null) {
            ObjectNode body = InsalesSimulator.JSON.createObjectNode().put("errors", "injected failure");
            send(ctx, new Failure(fault, body));
            return;
        }
        if (!shop.window.tryAcquire()) {
            shop.throttled.incrementAndGet();
            long seconds = Math.max(1, (shop.window.millisUntilFree() + 999) / 1000);
            ctx.response().putHeader("Retry-After", String.valueOf(seconds));
            usage(ctx, shop);
            ObjectNode body = InsalesSimulator.JSON.createObjectNode().put("errors", "API usage limit exceeded");
            send(ctx, new Failure(sim.options.limitStatus(), body));
            return;
        }
        usage(ctx, shop);
        ctx.put(SHOP, shop);
        ctx.next();
    }

    private static void usage(RoutingContext ctx, Shop shop) {
        int limit = shop.window.limit();
        ctx.response().putHeader("API-Usage-Limit", (limit - shop.window.remaining()) + "/" + limit);
    }

    private boolean authorized(String header, Shop shop) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = sim.options.apiKey() + ":" + shop.password;
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given);
    }

    private static void send(RoutingContext ctx, Failure f) {
        ctx.response().setStatusCode(f.status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(f.body.toString());
    }

    // --- listing: page/per_page, or updated_since + from_id sorted by updated_at then id ---

    private <T> ArrayNode list(RoutingContext ctx, List<T> items, ToLongFunction<T> id, Function<T, Instant> updated,
            Function<T, JsonNode> view) {
        int perPage = Math.min(MAX_PER_PAGE, Math.max(1, intParam(ctx, "per_page", DEFAULT_PER_PAGE)));
        int page = Math.max(1, intParam(ctx, "page", 1));
        String since = ctx.request().getParam("updated_since");
        List<T> selected = items;
        if (since != null) {
            Instant from;
            try {
                from = InsalesSimulator.parseDate(since);
            } catch (DateTimeParseException e) {
                throw Failure.invalid("updated_since", "неверный формат даты");
            }
            long fromId = intParam(ctx, "from_id", 0);
            selected = items.stream()
                    .filter(i -> updated.apply(i).isAfter(from)
                            || (updated.apply(i).equals(from) && id.applyAsLong(i) > fromId))
                    .sorted(Comparator.comparing(updated).thenComparingLong(id))
                    .toList();
        } else {
            selected = items.stream().sorted(Comparator.comparingLong(id)).toList();
        }
        ArrayNode a = InsalesSimulator.JSON.createArrayNode();
        int start = (page - 1) * perPage;
        for (int i = start; i < Math.min(selected.size(), start + perPage); i++) {
            a.add(view.apply(selected.get(i)));
        }
        return a;
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static ObjectNode count(int n) {
        return InsalesSimulator.JSON.createObjectNode().put("count", n);
    }

    // --- products and variants ---

    private JsonNode createProduct(RoutingContext ctx, Shop shop) {
        JsonNode p = root(ctx, "product");
        String title = p.path("title").asText("");
        if (title.isBlank()) {
            throw Failure.invalid("title", "не может быть пустым");
        }
        if (!p.hasNonNull("category_id")) {
            throw Failure.invalid("category_id", "не может быть пустым");
        }
        Instant now = sim.now();
        Shop.Product product = new Shop.Product(sim.nextProductId(), p.get("category_id").asLong(), title, now);
        product.description = text(p, "description");
        product.hidden = p.path("is_hidden").asBoolean(false);
        JsonNode variants = p.path("variants_attributes");
        if (variants.isEmpty()) {
            // every inSales product has at least one variant
            variants = InsalesSimulator.JSON.createArrayNode().add(InsalesSimulator.JSON.createObjectNode());
        }
        for (JsonNode v : variants) {
            product.variants.add(newVariant(product, v, now));
        }
        shop.products.put(product.id, product);
        product.variants.forEach(v -> shop.variants.put(v.id, v));
        ObjectNode json = sim.productJson(product);
        sim.fire(shop, "products/create", InsalesSimulator.JSON.createArrayNode().add(json));
        ctx.response().setStatusCode(201);
        return json;
    }

    private JsonNode updateProduct(RoutingContext ctx, Shop shop) {
        Shop.Product product = product(ctx, shop);
        JsonNode p = root(ctx, "product");
        if (p.has("title")) {
            if (p.path("title").asText("").isBlank()) {
                throw Failure.invalid("title", "не может быть пустым");
            }
            product.title = p.get("title").asText();
        }
        if (p.has("description")) {
            product.description = text(p, "description");
        }
        if (p.has("is_hidden")) {
            product.hidden = p.get("is_hidden").asBoolean();
        }
        if (p.has("category_id")) {
            product.categoryId = p.get("category_id").asLong();
        }
        product.updatedAt = sim.now();
        return productUpdated(shop, List.of(product)).get(0);
    }

    private Shop.Variant newVariant(Shop.Product product, JsonNode v, Instant now) {
        BigDecimal price;
        try {
            price = v.hasNonNull("price") ? new BigDecimal(v.get("price").asText()) : BigDecimal.ZERO;
        } catch (NumberFormatException e) {
            throw Failure.invalid("price", "не является числом");
        }
        Shop.Variant variant = new Shop.Variant(sim.nextVariantId(), product, text(v, "sku"), price,
                v.hasNonNull("quantity") ? v.get("quantity").asInt() : null, now);
        variant.title = text(v, "title");
        variant.barcode = text(v, "barcode");
        return variant;
    }

    /** {@code POST /products/{pid}/variants.json} {@code {"variant":{…}}}: 201, and the product changed. */
    private JsonNode createVariant(RoutingContext ctx, Shop shop) {
        Shop.Product product = product(ctx, shop);
        Shop.Variant variant = newVariant(product, root(ctx, "variant"), sim.now());
        product.variants.add(variant);
        shop.variants.put(variant.id, variant);
        product.updatedAt = variant.createdAt;
        productUpdated(shop, List.of(product));
        ctx.response().setStatusCode(201);
        return sim.variantJson(variant);
    }

    private JsonNode updateVariant(RoutingContext ctx, Shop shop) {
        Shop.Variant variant = variant(ctx, shop);
        apply(variant, root(ctx, "variant"));
        productUpdated(shop, List.of(variant.product));
        return sim.variantJson(variant);
    }

    /** {@code {"variants":[{id, quantity, price, ...}]}}: at most 100, each answered by its own status. */
    private JsonNode groupUpdate(RoutingContext ctx, Shop shop) {
        JsonNode variants = body(ctx).path("variants");
        if (!variants.isArray()) {
            throw Failure.invalid("variants", "не может быть пустым");
        }
        if (variants.size() > GROUP_UPDATE_MAX) {
            throw Failure.invalid("variants", "не более " + GROUP_UPDATE_MAX + " вариантов за запрос");
        }
        ArrayNode result = InsalesSimulator.JSON.createArrayNode();
        Map<Long, Shop.Product> touched = new LinkedHashMap<>();
        for (JsonNode v : variants) {
            long id = v.path("id").asLong(0);
            Shop.Variant variant = shop.variants.get(id);
            ObjectNode status = result.addObject().put("id", id);
            if (variant == null) {
                status.put("status", "error");
                status.putArray("errors").add("Not found");
                continue;
            }
            try {
                apply(variant, v);
                touched.put(variant.product.id, variant.product);
                status.put("status", "ok");
            } catch (Failure f) {
                status.put("status", "error");
                status.set("errors", f.body.path("errors"));
            }
        }
        productUpdated(shop, new ArrayList<>(touched.values()));
        return result;
    }

    private void apply(Shop.Variant variant, JsonNode v) {
        Integer quantity = variant.quantity;
        BigDecimal price = variant.price;
        if (v.has("quantity")) {
            JsonNode q = v.get("quantity");
            if (q.isNull()) {
                quantity = null;
            } else if (q.isIntegralNumber() || (q.isTextual() && q.asText().matches("-?\\d+"))) {
                quantity = q.asInt();
            } else {
                throw Failure.invalid("quantity", "не является числом");
            }
        }
        if (v.hasNonNull("price")) {
            try {
                price = new BigDecimal(v.get("price").asText());
            } catch (NumberFormatException e) {
                throw Failure.invalid("price", "не является числом");
            }
        }
        variant.quantity = quantity;
        variant.price = price;
        if (v.has("sku")) {
            variant.sku = text(v, "sku");
        }
        if (v.has("barcode")) {
            variant.barcode = text(v, "barcode");
        }
        if (v.has("title")) {
            variant.title = text(v, "title");
        }
        variant.updatedAt = sim.now();
        variant.product.updatedAt = variant.updatedAt;
    }

    /** Changed products go out together on {@code products/update}, as an array. */
    List<ObjectNode> productUpdated(Shop shop, List<Shop.Product> products) {
        List<ObjectNode> json = products.stream().map(sim::productJson).toList();
        if (!json.isEmpty()) {
            sim.fire(shop, "products/update", InsalesSimulator.JSON.createArrayNode().addAll(json));
        }
        return json;
    }

    static Shop.Product product(RoutingContext ctx, Shop shop) {
        Shop.Product p = shop.products.get(id(ctx, "id"));
        if (p == null) {
            throw Failure.notFound();
        }
        return p;
    }

    private Shop.Variant variant(RoutingContext ctx, Shop shop) {
        Shop.Variant v = shop.variants.get(id(ctx, "vid"));
        if (v == null || v.product.id != id(ctx, "id")) {
            throw Failure.notFound();
        }
        return v;
    }

    // --- webhooks ---

    private JsonNode createWebhook(RoutingContext ctx, Shop shop) {
        JsonNode w = root(ctx, "webhook");
        String address = text(w, "address");
        String topic = text(w, "topic");
        if (address == null || !address.matches("https?://.+")) {
            throw Failure.invalid("address", "имеет неверное значение");
        }
        if (topic == null || !TOPICS.contains(topic)) {
            throw Failure.invalid("topic", "имеет неверное значение");
        }
        String format = w.hasNonNull("format_type") ? w.get("format_type").asText() : "json";
        if (!format.equals("json") && !format.equals("xml")) {
            throw Failure.invalid("format_type", "имеет неверное значение");
        }
        if ("xml".equals(format)) {
            // the simulator speaks JSON only
            throw Failure.invalid("format_type", "xml не поддерживается симулятором");
        }
        Shop.Webhook hook = new Shop.Webhook(sim.nextWebhookId(), address, topic, format, sim.now());
        shop.webhooks.put(hook.id(), hook);
        ctx.response().setStatusCode(201);
        return webhookJson(hook);
    }

    private Shop.Webhook webhook(RoutingContext ctx, Shop shop) {
        Shop.Webhook w = shop.webhooks.get(id(ctx, "id"));
        if (w == null) {
            throw Failure.notFound();
        }
        return w;
    }

    private static ObjectNode webhookJson(Shop.Webhook w) {
        return InsalesSimulator.JSON.createObjectNode().put("id", w.id()).put("address", w.address())
                .put("topic", w.topic()).put("format_type", w.formatType())
                .put("created_at", InsalesSimulator.date(w.createdAt()))
                .put("updated_at", InsalesSimulator.date(w.createdAt()));
    }

    // --- request bodies ---

    private static JsonNode body(RoutingContext ctx) {
        try {
            JsonNode json = InsalesSimulator.JSON.readTree(ctx.body().asString());
            if (json == null || !json.isObject()) {
                throw new Failure(400, InsalesSimulator.JSON.createObjectNode().put("errors", "Bad Request"));
            }
            return json;
        } catch (java.io.IOException e) {
            throw new Failure(400, InsalesSimulator.JSON.createObjectNode().put("errors", "Bad Request"));
        }
    }

    /** Requests wrap the resource in its name: {@code {"product":{...}}}. */
    static JsonNode root(RoutingContext ctx, String name) {
        JsonNode node = body(ctx).get(name);
        if (node == null || !node.isObject()) {
            throw new Failure(400, InsalesSimulator.JSON.createObjectNode().put("errors", "param is missing: " + name));
        }
        return node;
    }

    static long id(RoutingContext ctx, String name) {
        return Long.parseLong(ctx.pathParam(name));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

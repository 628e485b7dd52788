package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Jumpseller REST API under {@code /v1}: auth, rate limits, fault injection, then the resources. */
final class ApiRoutes {
    private static final String STORE = "jumpseller.store";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> SEARCH_FIELDS =
            Set.of("sku", "barcode", "brand", "name", "description", "variants", "option_name", "custom_fields",
                    "custom_fields_selects");
    private static final Set<String> FULFILLMENT_TYPES = Set.of("manual", "shipit", "chilexpress", "ctt", "dpd", "mrw",
            "correos_chile", "dhl", "servientrega", "starken", "bluexpress", "correos_express");

    /** A resource handler; returns the JSON body of a 200 (or of {@code status} when registered so). */
    @FunctionalInterface
    private interface Action {
        JsonNode handle(RoutingContext ctx, Store store);
    }

    private final JumpsellerSimulator sim;
    private final Commerce commerce;

    ApiRoutes(JumpsellerSimulator sim, Commerce commerce) {
        this.sim = sim;
        this.commerce = commerce;
    }

    void mount(Router r) {
        r.route("/v1/*").handler(BodyHandler.create().setBodyLimit(8 * 1024 * 1024));
        r.route("/v1/*").handler(this::gate);

        read(r, "/store/info.json", (ctx, s) -> onlyFields(s.infoJson(), ctx.queryParam("fields")));

        // products: fixed paths before /products/{id}.json
        read(r, "/products.json", (ctx, s) -> list(ctx, "product", s.products.values(), Product::toJson));
        read(r, "/products/count.json", (ctx, s) -> count(s.products.size()));
        read(r, "/products/search.json", this::searchProducts);
        read(r, "/products/after/{id}.json", (ctx, s) -> list(ctx, "product",
                s.products.tailMap(id(ctx, "id", "Product"), false).values(), Product::toJson));
        read(r, "/products/status/{status}.json", (ctx, s) -> list(ctx, "product",
                byStatus(s, ctx.pathParam("status")), Product::toJson));
        read(r, "/products/status/{status}/count.json", (ctx, s) ->
                count(byStatus(s, ctx.pathParam("status")).size()));
        write(r, HttpMethod.POST, "/products.json", 201, (ctx, s) ->
                Json.wrap("product", commerce.createProduct(s, root(ctx, "product")).toJson()));
        read(r, "/products/{id}/variants.json", (ctx, s) -> list(ctx, "variant",
                s.product(id(ctx, "id", "Product")).variants, Variant::toJson));
        read(r, "/products/{id}/variants/count.json", (ctx, s) ->
                count(s.product(id(ctx, "id", "Product")).variants.size()));
        write(r, HttpMethod.POST, "/products/{id}/variants.json", 201, (ctx, s) -> Json.wrap("variant",
                commerce.createVariant(s, id(ctx, "id", "Product"), root(ctx, "variant")).toJson()));
        read(r, "/products/{id}/images.json", (ctx, s) -> list(ctx, "image",
                s.product(id(ctx, "id", "Product")).images, i -> i));
        write(r, HttpMethod.POST, "/products/{id}/images.json", 201, (ctx, s) -> Json.wrap("image",
                commerce.addImage(s, id(ctx, "id", "Product"), root(ctx, "image"))));
        read(r, "/products/{id}/images/count.json", (ctx, s) -> count(s.product(id(ctx, "id", "Product")).images.size()));
        read(r, "/products/{id}/images/{imageId}.json", (ctx, s) -> Json.wrap("image", image(ctx, s)));
        write(r, HttpMethod.PUT, "/products/{id}/images/{imageId}.json", 200, (ctx, s) -> Json.wrap("image",
                commerce.moveImage(s, id(ctx, "id", "Product"), image(ctx, s), ctx.queryParam("position"))));
        write(r, HttpMethod.DELETE, "/products/{id}/images/{imageId}.json", 200, (ctx, s) -> {
            commerce.deleteImage(s, id(ctx, "id", "Product"), image(ctx, s));
            return TextNode.valueOf("Image deleted.");
        });
        read(r, "/products/{id}/variants/{variantId}.json", (ctx, s) -> Json.wrap("variant", variant(ctx, s).toJson()));
        write(r, HttpMethod.PUT, "/products/{id}/variants/{variantId}.json", 200, (ctx, s) -> Json.wrap("variant",
                commerce.updateVariant(s, id(ctx, "id", "Product"), id(ctx, "variantId", "Variant"),
                        root(ctx, "variant")).toJson()));
        read(r, "/products/{id}.json", (ctx, s) -> Json.wrap("product", s.product(id(ctx, "id", "Product")).toJson()));
        write(r, HttpMethod.PUT, "/products/{id}.json", 200, (ctx, s) -> Json.wrap("product",
                commerce.updateProduct(s, id(ctx, "id", "Product"), root(ctx, "product")).toJson()));
        write(r, HttpMethod.DELETE, "/products/{id}.json", 200, (ctx, s) -> {
            commerce.deleteProduct(s, id(ctx, "id", "Product"));
            return TextNode.valueOf("Product deleted.");
        });

        // stock by location: the spec's paths here have no .json suffix and no wrapper key
        read(r, "/locations.json", (ctx, s) -> list(ctx, "location", s.locations.values(), l -> l));
        read(r, "/products_locations", this::productsLocations);
        write(r, HttpMethod.PUT, "/products_locations", 200, this::updateProductsLocation);

        // hooks
        read(r, "/hooks.json", (ctx, s) -> list(ctx, "hook", s.hooks.values(), Hook::toJson));
        write(r, HttpMethod.POST, "/hooks.json", 201, (ctx, s) -> Json.wrap("hook", createHook(s, root(ctx, "hook"))));
        read(r, "/hooks/{id}.json", (ctx, s) -> Json.wrap("hook", s.hook(id(ctx, "id", "Hook")).toJson()));
        write(r, HttpMethod.PUT, "/hooks/{id}.json", 200, (ctx, s) ->
                Json.wrap("hook", updateHook(s, id(ctx, "id", "Hook"), root(ctx, "hook"))));
        write(r, HttpMethod.DELETE, "/hooks/{id}.json", 200, (ctx, s) -> {
            Hook h = s.hook(id(ctx, "id", "Hook"));
            s.hooks.remove(h.id);
            s.retiredHooks.add(h);
            return TextNode.valueOf("Hook deleted.");
        });

        // orders
        read(r, "/orders.json", (ctx, s) -> orderList(ctx, filterOrders(ctx, s, null)));
        read(r, "/orders/count.json", (ctx, s) -> count(s.orders.size()));
        read(r, "/orders/search.json", this::searchOrders);
        read(r, "/orders/status/{status}.json", (ctx, s) -> {
            String status = ctx.pathParam("status");
            if (!Order.STATUSES.contains(status)) {
                throw new ApiException(404, "Status Invalid.");
            }
            return orderList(ctx, newestFirst(s.orders.values(), o -> o.status.equals(status)));
        });
        read(r, "/orders/after/{id}.json", (ctx, s) -> list(ctx, "order",
                s.orders.tailMap(id(ctx, "id", "Order"), false).values(), Order::toJson));
        read(r, "/orders/{id}/history.json", (ctx, s) -> list(ctx, "order_history",
                s.order(id(ctx, "id", "Order")).history, h -> h));
        write(r, HttpMethod.POST, "/orders/{id}/history.json", 201, (ctx, s) ->
                Json.wrap("order_history", addHistory(s, id(ctx, "id", "Order"), root(ctx, "order_history"))));
        read(r, "/orders/{id}/documents.json", (ctx, s) -> list(ctx, "document",
                s.order(id(ctx, "id", "Order")).documents, d -> d));
        write(r, HttpMethod.POST, "/orders/{id}/documents.json", 201, (ctx, s) ->
                Json.wrap("document", addDocument(s, id(ctx, "id", "Order"), root(ctx, "document"))));
        write(r, HttpMethod.PUT, "/orders/{id}/documents/{publicId}.json", 200, (ctx, s) ->
                Json.wrap("document", updateDocument(s, ctx, root(ctx, "document"))));
        write(r, HttpMethod.DELETE, "/orders/{id}/documents/{publicId}.json", 200, (ctx, s) -> {
            Order o = s.order(id(ctx, "id", "Order"));
            o.documents.remove(document(o, ctx.pathParam("publicId")));
            return TextNode.valueOf("Document deleted.");
        });
        read(r, "/orders/{id}.json", (ctx, s) ->
                onlyFields(s.order(id(ctx, "id", "Order")).toJson(), ctx.queryParam("fields"), "order"));
        write(r, HttpMethod.PUT, "/orders/{id}.json", 200, (ctx, s) ->
                Json.wrap("order", updateOrder(s, id(ctx, "id", "Order"), root(ctx, "order")).toJson()));
        read(r, "/documents.json", (ctx, s) -> {
            List<ObjectNode> all = new ArrayList<>();
            s.orders.values().forEach(o -> all.addAll(o.documents));
            return list(ctx, "document", all, d -> d);
        });
        read(r, "/fulfillments.json", (ctx, s) -> list(ctx, "fulfillment", s.fulfillments, f -> f));
        write(r, HttpMethod.POST, "/fulfillments.json", 201, (ctx, s) ->
                Json.wrap("fulfillment", createFulfillment(s, root(ctx, "fulfillment"))));

        // customers
        read(r, "/customers.json", (ctx, s) -> list(ctx, "customer", s.customers.values(), Customer::toJson));
        read(r, "/customers/count.json", (ctx, s) -> count(s.customers.size()));
        read(r, "/customers/search.json", this::searchCustomers);
        read(r, "/customers/email/{email}.json", (ctx, s) -> {
            Customer c = s.customerByEmail(ctx.pathParam("email"));
            if (c == null) {
                throw ApiException.notFound("Customer");
            }
            return Json.wrap("customer", c.toJson());
        });
        read(r, "/customers/{id}/orders.json", (ctx, s) -> {
            Customer c = s.customer(id(ctx, "id", "Customer"));
            return orderList(ctx, newestFirst(s.orders.values(), o -> Long.valueOf(c.id).equals(o.customerId)));
        });
        write(r, HttpMethod.POST, "/customers.json", 201, (ctx, s) ->
                Json.wrap("customer", createCustomer(s, root(ctx, "customer")).toJson()));
        read(r, "/customers/{id}.json", (ctx, s) -> Json.wrap("customer", s.customer(id(ctx, "id", "Customer")).toJson()));
        write(r, HttpMethod.PUT, "/customers/{id}.json", 200, (ctx, s) ->
                Json.wrap("customer", updateCustomer(s, id(ctx, "id", "Customer"), root(ctx, "customer")).toJson()));
        write(r, HttpMethod.DELETE, "/customers/{id}.json", 200, (ctx, s) -> {
            Customer c = s.customer(id(ctx, "id", "Customer"));
            s.customers.remove(c.id);
            s.emit("customer_deleted", "customer", c::toJson);
            return TextNode.valueOf("Customer deleted.");
        });

        r.route("/v1/*").handler(ctx -> send(ctx, 404, Json.message("Not Found.")));
        r.route("/v1/*").failureHandler(this::failure);
    }

    // --- pipeline ---

    /** Authenticates, counts and throttles every call, and injects faults, before any resource runs. */
    private void gate(RoutingContext ctx) {
        Store store = authenticate(ctx);
        if (store == null) {
            send(ctx, 401, Json.message("Unauthorized. Please check your login and authtoken."));
            return;
        }
        store.apiCalls.incrementAndGet();
        Store.Admission admission = store.admit();
        ctx.response()
                .putHeader("Jumpseller-PerMinuteRateLimit-Limit", String.valueOf(store.perMinuteLimit()))
                .putHeader("Jumpseller-PerMinuteRateLimit-Remaining", String.valueOf(admission.perMinuteRemaining()))
                .putHeader("Jumpseller-PerSecondRateLimit-Limit", String.valueOf(store.perSecondLimit()))
                .putHeader("Jumpseller-PerSecondRateLimit-Remaining", String.valueOf(admission.perSecondRemaining()));
        if (!admission.allowed()) {
            store.rateLimited.incrementAndGet();
            if (admission.bannedUntil() != null) {
                ctx.response().putHeader("Jumpseller-BannedByRateLimit-Reset", Json.banReset(admission.bannedUntil()));
            }
            send(ctx, 429, Json.message("Too Many Requests (Rate Limit Exceeded)."));
            return;
        }
        if (store.faultRate > 0 && ThreadLocalRandom.current().nextDouble() < store.faultRate) {
            store.faults.incrementAndGet();
            send(ctx, 500, Json.message("Internal Server Error."));
            return;
        }
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.POST || m == HttpMethod.PUT) {
            String type = ctx.request().getHeader("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                send(ctx, 400, Json.message("Content-Type must be application/json."));
                return;
            }
        }
        ctx.put(STORE, store);
        ctx.next();
    }

    /** Basic {@code login:authtoken}, then Bearer (OAuth), then the deprecated query parameters. */
    private Store authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : check(sim.storeByLogin(decoded.substring(0, colon)), decoded.substring(colon + 1));
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return sim.storeByOauthToken(header.substring(7).trim());
        }
        return check(sim.storeByLogin(ctx.queryParams().get("login")), ctx.queryParams().get("authtoken"));
    }

    private static Store check(Store store, String authtoken) {
        if (store == null || authtoken == null) {
            return null;
        }
        boolean ok = MessageDigest.isEqual(store.authtoken.getBytes(StandardCharsets.UTF_8),
                authtoken.getBytes(StandardCharsets.UTF_8));
        return ok ? store : null;
    }

    private void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof ApiException e) {
            send(ctx, e.status, Json.message(e.getMessage()));
        } else if (ctx.statusCode() == 413) {
            send(ctx, 413, Json.message("Request Entity Too Large."));
        } else {
            send(ctx, 500, Json.message("Internal Server Error."));
        }
    }

    private void read(Router r, String path, Action action) {
        r.routeWithRegex(HttpMethod.GET, regex(path)).handler(ctx -> {
            Store s = ctx.get(STORE);
            send(ctx, 200, sim.read(s, () -> action.handle(ctx, s)));
        });
    }

    private void write(Router r, HttpMethod method, String path, int status, Action action) {
        r.routeWithRegex(method, regex(path)).handler(ctx -> {
            Store s = ctx.get(STORE);
            send(ctx, status, sim.mutate(s, store -> action.handle(ctx, store)));
        });
    }

    private static String regex(String path) {
        Matcher m = PLACEHOLDER.matcher(Pattern.quote("/v1" + path));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("\\E(?<" + m.group(1) + ">[^/]+)\\Q"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.write(body));
    }

    // --- request helpers ---

    private static long id(RoutingContext ctx, String param, String resource) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(resource);
        }
    }

    /** The spec answers an unknown product or image alike: 404 "Product Not Found." (guess 20). */
    private static ObjectNode image(RoutingContext ctx, Store s) {
        ObjectNode image = s.product(id(ctx, "id", "Product")).image(id(ctx, "imageId", "Product"));
        if (image == null) {
            throw ApiException.notFound("Product");
        }
        return image;
    }

    /** The object under the payload's root key, e.g. {@code {"product": {...}}}. */
    private static JsonNode root(RoutingContext ctx, String key) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body().asString());
        } catch (Exception e) {
            throw ApiException.badRequest("Invalid JSON.");
        }
        JsonNode inner = body == null ? null : body.get(key);
        if (inner == null || !inner.isObject()) {
            throw ApiException.badRequest("param is missing or the value is empty: " + key);
        }
        return inner;
    }

    private static int limit(RoutingContext ctx) {
        return clampedInt(ctx.queryParam("limit"), 50, 1, 100);
    }

    private static int page(RoutingContext ctx) {
        return clampedInt(ctx.queryParam("page"), 1, 1, Integer.MAX_VALUE);
    }

    private static int clampedInt(List<String> values, int fallback, int min, int max) {
        if (values.isEmpty()) {
            return fallback;
        }
        try {
            return (int) Math.max(min, Math.min(max, Long.parseLong(values.get(0).trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A page of wrapped objects: {@code [{"product": {...}}, ...]}. */
    private static <T> ArrayNode list(RoutingContext ctx, String root, Collection<T> all,
            Function<T, ObjectNode> json) {
        int limit = limit(ctx);
        long skip = (long) (page(ctx) - 1) * limit;
        ArrayNode out = Json.array();
        all.stream().skip(skip).limit(limit).forEach(item -> out.add(Json.wrap(root, json.apply(item))));
        return out;
    }

    private static ObjectNode count(int n) {
        return Json.object().put("count", n);
    }

    private static JsonNode onlyFields(JsonNode node, List<String> fields) {
        return onlyFields(node, fields, null);
    }

    /** Applies {@code ?fields=a,b}; keeps the root wrapper when one is given. */
    private static JsonNode onlyFields(JsonNode node, List<String> fields, String root) {
        if (!fields.isEmpty() && !fields.get(0).isBlank()) {
            Set<String> keep = new HashSet<>(Arrays.asList(fields.get(0).split("\\s*,\\s*")));
            ((ObjectNode) node).retain(keep);
        }
        return root == null ? node : Json.wrap(root, node);
    }

    // --- products ---

    private static List<Product> byStatus(Store s, String status) {
        if (!Product.STATUSES.contains(status)) {
            throw new ApiException(404, "Status Invalid.");
        }
        return s.products.values().stream().filter(p -> p.status.equals(status)).toList();
    }

    private static Variant variant(RoutingContext ctx, Store s) {
        Variant v = s.product(id(ctx, "id", "Product")).variant(id(ctx, "variantId", "Variant"));
        if (v == null) {
            throw ApiException.notFound("Variant");
        }
        return v;
    }

    /** Case-insensitive substring search over the chosen {@code fields} (all of them by default). */
    private JsonNode searchProducts(RoutingContext ctx, Store s) {
        List<String> q = ctx.queryParam("query");
        if (q.isEmpty() || q.get(0).isBlank()) {
            throw new ApiException(404, "Invalid query.");
        }
        String query = q.get(0).toLowerCase(Locale.ROOT);
        Set<String> fields = new HashSet<>(SEARCH_FIELDS);
        List<String> f = ctx.queryParam("fields");
        if (!f.isEmpty() && !f.get(0).isBlank()) {
            fields = new HashSet<>(Arrays.asList(f.get(0).split("\\s*,\\s*")));
            if (!SEARCH_FIELDS.containsAll(fields)) {
                throw new ApiException(404, "Invalid query.");
            }
        }
        String status = ctx.queryParam("status").isEmpty() ? null : ctx.queryParam("status").get(0);
        Set<Long> categories = new HashSet<>();
        if (!ctx.queryParam("categories").isEmpty()) {
            for (String c : ctx.queryParam("categories").get(0).split(",")) {
                try {
                    categories.add(Long.parseLong(c.trim()));
                } catch (NumberFormatException e) {
                    categories.add(-1L); // a malformed id matches no category, it does not widen the search
                }
            }
        }
        Set<String> chosen = fields;
        List<Product> hits = s.products.values().stream()
                .filter(p -> status == null || ("featured".equals(status) ? p.featured : p.status.equals(status)))
                .filter(p -> categories.isEmpty() || p.categories.stream()
                        .anyMatch(c -> categories.contains(c.path("id").asLong())))
                .filter(p -> matches(p, query, chosen))
                .toList();
        return list(ctx, "product", hits, Product::toJson);
    }

    private static boolean matches(Product p, String query, Set<String> fields) {
        if (fields.contains("name") && contains(p.name, query)
                || fields.contains("sku") && contains(p.sku, query)
                || fields.contains("barcode") && contains(p.barcode, query)
                || fields.contains("brand") && contains(p.brand, query)
                || fields.contains("description") && contains(p.description, query)) {
            return true;
        }
        for (Variant v : p.variants) {
            if (fields.contains("variants") && (contains(v.sku, query) || contains(v.barcode, query))) {
                return true;
            }
            if (fields.contains("option_name")
                    && v.options.stream().anyMatch(o -> contains(o.name(), query) || contains(o.value(), query))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String text, String lowerQuery) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    // --- stock by location ---

    private JsonNode productsLocations(RoutingContext ctx, Store s) {
        List<Long> locationIds = ids(ctx, "location_ids", true);
        List<Long> productIds = ids(ctx, "product_ids", true);
        List<Long> variantIds = ids(ctx, "variant_ids", false);
        ArrayNode out = Json.array();
        for (long locationId : locationIds) {
            if (!s.locations.containsKey(locationId)) {
                throw new ApiException(404, "Not found");
            }
            for (long productId : productIds) {
                Product p = s.products.get(productId);
                if (p == null) {
                    throw new ApiException(404, "Not found");
                }
                if (!p.hasVariants()) {
                    out.add(locationRow(locationId, p.id, null, Commerce.stockAt(s, p, locationId)));
                }
                for (Variant v : p.variants) {
                    if (variantIds.isEmpty() || variantIds.contains(v.id)) {
                        out.add(locationRow(locationId, p.id, v.id, Commerce.stockAt(s, v, locationId)));
                    }
                }
            }
        }
        return out;
    }

    private static ObjectNode locationRow(long locationId, long productId, Long variantId, int stock) {
        ObjectNode row = Json.object();
        row.put("location_id", locationId);
        row.put("product_id", productId);
        row.put("variant_id", variantId);
        row.put("stock", stock);
        return row;
    }

    /** Comma separated ids, at most 50; a missing required list or a bad id is a 400. */
    private static List<Long> ids(RoutingContext ctx, String param, boolean required) {
        List<String> values = ctx.queryParam(param);
        if (values.isEmpty() || values.get(0).isBlank()) {
            if (required) {
                throw ApiException.badRequest("Bad request, check your parameters");
            }
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (String v : values.get(0).split(",")) {
            try {
                out.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Bad request, check your parameters");
            }
        }
        if (out.size() > 50) {
            throw ApiException.badRequest("Bad request, check your parameters");
        }
        return out;
    }

    private JsonNode updateProductsLocation(RoutingContext ctx, Store s) {
        JsonNode in;
        try {
            in = Json.MAPPER.readTree(ctx.body().asString());
        } catch (Exception e) {
            throw ApiException.badRequest("Bad request, check your parameters");
        }
        if (in == null || !in.isObject() || !in.path("location_id").canConvertToLong()
                || !in.path("product_id").canConvertToLong() || !in.path("stock_unlimited").isBoolean()
                || !in.has("stock")) {
            throw ApiException.badRequest("Bad request, check your parameters");
        }
        int[] stock = new int[1];
        try {
            Json.int32(in, "stock", v -> stock[0] = v);
        } catch (ApiException e) {
            throw ApiException.badRequest("Bad request, check your parameters");
        }
        long locationId = in.get("location_id").asLong();
        Product p = s.products.get(in.get("product_id").asLong());
        if (p == null || !s.locations.containsKey(locationId)) {
            throw ApiException.badRequest("Bad request, check your parameters");
        }
        Object sellable = p;
        if (p.hasVariants() || in.hasNonNull("variant_id")) {
            Variant v = in.path("variant_id").canConvertToLong() ? p.variant(in.get("variant_id").asLong()) : null;
            if (v == null) {
                throw ApiException.badRequest("Bad request, check your parameters");
            }
            sellable = v;
        }
        commerce.setLocationStock(s, sellable, locationId, stock[0], in.get("stock_unlimited").asBoolean());
        return Json.message("Products locations updated successfully");
    }

    // --- hooks ---

    private ObjectNode createHook(Store s, JsonNode in) {
        String event = in.path("event").asText(null);
        String url = in.path("url").asText(null);
        validateHook(event, url);
        Hook h = new Hook(s.ids.next(), s.now(), sim.newDispatcher());
        h.event = event;
        h.url = url;
        s.hooks.put(h.id, h);
        return h.toJson();
    }

    /** A PUT also re-arms a paused hook, as fixing the URL in the admin does (undocumented). */
    private ObjectNode updateHook(Store s, long id, JsonNode in) {
        Hook h = s.hook(id);
        String event = in.has("event") ? in.path("event").asText(null) : h.event;
        String url = in.has("url") ? in.path("url").asText(null) : h.url;
        validateHook(event, url);
        h.event = event;
        h.url = url;
        h.paused = false;
        h.consecutiveFailures = 0;
        return h.toJson();
    }

    private static void validateHook(String event, String url) {
        if (event == null || !Hook.EVENTS.contains(event)) {
            throw ApiException.invalid("Event is not included in the list");
        }
        if (url == null || !url.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw ApiException.invalid("Url is invalid");
        }
    }

    // --- orders ---

    private static ArrayNode orderList(RoutingContext ctx, List<Order> orders) {
        ArrayNode page = list(ctx, "order", orders, Order::toJson);
        List<String> fields = ctx.queryParam("fields");
        if (!fields.isEmpty() && !fields.get(0).isBlank()) {
            page.forEach(n -> onlyFields(n.get("order"), fields));
        }
        return page;
    }

    /** Orders newest first, as the admin lists them (the API's order is undocumented). */
    private static List<Order> newestFirst(Collection<Order> orders, Predicate<Order> filter) {
        List<Order> out = new ArrayList<>(orders.stream().filter(filter).toList());
        Collections.reverse(out);
        return out;
    }

    /** {@code status_filters[]}, {@code fulfillment_filters}, {@code dateFilter} and an optional text query. */
    private static List<Order> filterOrders(RoutingContext ctx, Store s, String query) {
        Set<String> statuses = new HashSet<>();
        for (String key : List.of("status_filters[]", "status_filters")) {
            for (String v : ctx.queryParam(key)) {
                for (String one : v.split(",")) {
                    String status = one.trim();
                    if (status.isEmpty()) {
                        continue;
                    }
                    if (!status.equals("created") && !Order.STATUSES.contains(status)) {
                        throw new ApiException(404, "Status Invalid.");
                    }
                    // "created" is not described; taken as an order not yet paid
                    statuses.add(status.equals("created") ? "pending_payment" : status);
                }
            }
        }
        Set<String> fulfillment = new HashSet<>();
        for (String v : ctx.queryParam("fulfillment_filters")) {
            for (String one : v.split(",")) {
                if (!one.isBlank()) {
                    fulfillment.add(one.trim());
                }
            }
        }
        Predicate<Instant> inDates = dateFilter(ctx, s);
        String q = query == null ? null : query.toLowerCase(Locale.ROOT);
        return newestFirst(s.orders.values(), o -> (statuses.isEmpty() || statuses.contains(o.status))
                && (fulfillment.isEmpty() || fulfillment.contains(o.fulfilled() ? "fulfilled" : "unfulfilled"))
                && inDates.test(o.createdAt)
                && (q == null || matches(o, q)));
    }

    private static boolean matches(Order o, String q) {
        if (String.valueOf(o.id).equals(q)) {
            return true;
        }
        if (o.customer != null && (contains(o.customer.path("email").asText(null), q)
                || contains(o.customer.path("fullname").asText(null), q))) {
            return true;
        }
        return o.lines.stream().anyMatch(l -> contains(l.sku(), q) || contains(l.name(), q));
    }

    private static Predicate<Instant> dateFilter(RoutingContext ctx, Store s) {
        List<String> f = ctx.queryParam("dateFilter");
        if (f.isEmpty() || f.get(0).isBlank()) {
            return at -> true;
        }
        ZoneId zone = ZoneId.of(s.timezone);
        LocalDate today = LocalDate.ofInstant(s.now(), zone);
        LocalDate from;
        LocalDate to = today;
        switch (f.get(0)) {
            case "today" -> from = today;
            case "yesterday" -> {
                from = today.minusDays(1);
                to = from;
            }
            case "last7days" -> from = today.minusDays(6);
            case "last30days" -> from = today.minusDays(29);
            case "last90days" -> from = today.minusDays(89);
            case "customDate" -> {
                try {
                    from = LocalDate.parse(ctx.queryParam("initialDate").get(0));
                    to = LocalDate.parse(ctx.queryParam("finalDate").get(0));
                } catch (RuntimeException e) {
                    throw new ApiException(404, "Invalid query.");
                }
            }
            default -> throw new ApiException(404, "Invalid query.");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return at -> !at.isBefore(start) && at.isBefore(end);
    }

    /** Unlike the other lists, order search answers {@code {"orders": [...], "count": N}}. */
    private JsonNode searchOrders(RoutingContext ctx, Store s) {
        List<String> q = ctx.queryParam("query");
        List<Order> hits = filterOrders(ctx, s, q.isEmpty() || q.get(0).isBlank() ? null : q.get(0));
        ObjectNode out = Json.object();
        out.set("orders", orderList(ctx, hits));
        out.put("count", hits.size());
        return out;
    }

    /** Only status, shipment_status, tracking_*, additional_information and additional_fields are writable. */
    private Order updateOrder(Store s, long id, JsonNode in) {
        Order o = s.order(id);
        String status = null;
        if (in.has("status")) {
            status = Order.statusEnum(in.path("status").asText(null), Order.STATUSES, s.language);
            if (status == null) {
                throw ApiException.invalid("Status is not included in the list");
            }
        }
        String shipment = null;
        if (in.has("shipment_status")) {
            shipment = Order.statusEnum(in.path("shipment_status").asText(null),
                    Order.SHIPMENT_STATUSES.subList(1, Order.SHIPMENT_STATUSES.size()), s.language);
            if (shipment == null) {
                throw ApiException.invalid("Shipment status is not included in the list");
            }
        }
        List<Runnable> ops = new ArrayList<>();
        boolean[] changed = {false};
        Json.text(in, "tracking_number", v -> ops.add(() -> changed[0] |= set(v, o.trackingNumber, x -> o.trackingNumber = x)));
        Json.text(in, "tracking_company", v -> ops.add(() -> changed[0] |= set(v, o.trackingCompany, x -> o.trackingCompany = x)));
        Json.text(in, "tracking_url", v -> ops.add(() -> changed[0] |= set(v, o.trackingUrl, x -> o.trackingUrl = x)));
        Json.text(in, "additional_information", v -> ops.add(() ->
                changed[0] |= set(v, o.additionalInformation, x -> o.additionalInformation = x)));
        JsonNode fields = in.get("additional_fields");
        if (fields != null && !fields.isNull()) {
            if (!fields.isArray()) {
                throw ApiException.invalid("Additional fields must be an array");
            }
            for (JsonNode f : fields) {
                if (f.path("label").asText("").isBlank() && !f.path("id").canConvertToLong()) {
                    throw ApiException.invalid("Additional field label can't be blank");
                }
            }
            ops.add(() -> changed[0] |= mergeAdditionalFields(s, o, fields));
        }
        if (status != null) {
            String target = status;
            ops.add(() -> changed[0] |= commerce.setStatus(s, o, target));
        }
        if (shipment != null) {
            String target = shipment;
            ops.add(() -> changed[0] |= commerce.setShipment(s, o, target));
        }
        ops.forEach(Runnable::run);
        if (changed[0]) {
            s.emit("order_updated", "order", o::toJson);
        }
        return o;
    }

    private static boolean set(String value, String current, Consumer<String> target) {
        target.accept(value);
        return !Objects.equals(value, current);
    }

    /** Fields match by id, else by label; unknown ones are appended. */
    private static boolean mergeAdditionalFields(Store s, Order o, JsonNode fields) {
        boolean changed = false;
        for (JsonNode f : fields) {
            ObjectNode existing = null;
            for (ObjectNode e : o.additionalFields) {
                boolean sameId = f.path("id").canConvertToLong() && e.path("id").asLong() == f.path("id").asLong();
                boolean sameLabel = !f.has("id") && e.path("label").asText("").equals(f.path("label").asText(null));
                if (sameId || sameLabel) {
                    existing = e;
                    break;
                }
            }
            String value = f.path("value").isNull() ? null : f.path("value").asText(null);
            if (existing == null) {
                o.additionalFields.add(Commerce.additionalField(s.ids.next(), f.path("label").asText(null), value,
                        f.path("area").asText("other")));
                changed = true;
            } else if (!Objects.equals(existing.path("value").asText(null), value)) {
                existing.put("value", value);
                changed = true;
            }
        }
        return changed;
    }

    private static ObjectNode addHistory(Store s, long orderId, JsonNode in) {
        Order o = s.order(orderId);
        String message = in.path("message").asText("");
        if (message.isBlank()) {
            throw ApiException.invalid("Message can't be blank");
        }
        ObjectNode h = Json.object();
        h.put("id", s.ids.next());
        h.put("message", message);
        h.put("created_at", Json.date(s.now()));
        o.history.add(h);
        return h;
    }

    private static ObjectNode addDocument(Store s, long orderId, JsonNode in) {
        Order o = s.order(orderId);
        ObjectNode d = Json.object();
        d.put("document_type", documentType(in));
        d.put("external_id", in.path("external_id").asText(null));
        String publicId = in.path("public_id").asText("");
        if (publicId.isBlank()) {
            throw ApiException.invalid("Public id can't be blank");
        }
        d.put("public_id", publicId);
        d.put("url", in.path("url").asText(null));
        d.put("order_id", o.id);
        d.putNull("app_code");
        o.documents.add(d);
        return d;
    }

    private static ObjectNode updateDocument(Store s, RoutingContext ctx, JsonNode in) {
        Order o = s.order(id(ctx, "id", "Order"));
        ObjectNode d = document(o, ctx.pathParam("publicId"));
        if (in.has("document_type")) {
            d.put("document_type", documentType(in));
        }
        for (String f : List.of("external_id", "public_id", "url")) {
            if (in.has(f)) {
                d.put(f, in.get(f).isNull() ? null : in.get(f).asText());
            }
        }
        return d;
    }

    private static ObjectNode document(Order o, String publicId) {
        return o.documents.stream().filter(d -> d.path("public_id").asText("").equals(publicId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Document"));
    }

    /** 1 = invoice, 0 = credit note; the spec's examples also show them as "1 - invoice" strings. */
    private static int documentType(JsonNode in) {
        JsonNode t = in.get("document_type");
        if (t != null && t.isIntegralNumber() && (t.asInt() == 0 || t.asInt() == 1)) {
            return t.asInt();
        }
        if (t != null && t.isTextual() && t.asText().trim().matches("[01]( - .*)?")) {
            return t.asText().trim().charAt(0) - '0';
        }
        throw ApiException.invalid("Document type is not included in the list");
    }

    /** Manual fulfilments ship at once; carrier ones start as requested (the carrier flow is not simulated). */
    private ObjectNode createFulfillment(Store s, JsonNode in) {
        String type = in.path("type").asText(null);
        if (type == null || !FULFILLMENT_TYPES.contains(type)) {
            throw ApiException.invalid("Type is not included in the list");
        }
        if (!in.hasNonNull("location_id") || in.get("location_id").asText().isBlank()) {
            throw ApiException.invalid("Location can't be blank");
        }
        Order o = null;
        if (in.hasNonNull("order_id")) {
            try {
                o = s.order(Long.parseLong(in.get("order_id").asText()));
            } catch (NumberFormatException e) {
                throw ApiException.notFound("Order");
            }
        }
        String shipment = "manual".equals(type) ? "in_transit" : "requested";
        ObjectNode f = Json.object();
        f.put("id", s.ids.next());
        f.put("created_at", Json.date(s.now()));
        f.put("updated_at", Json.date(s.now()));
        f.put("tracking_number", in.path("tracking_number").asText(null));
        f.put("tracking_company", in.path("tracking_company").asText(null));
        f.put("type", type);
        f.put("shipment_status", shipment);
        f.putNull("label_url");
        f.put("expected_arrival_from", in.path("expected_arrival_from").asText(null));
        f.put("expected_arrival_to", in.path("expected_arrival_to").asText(null));
        f.putNull("fulfillment_address");
        if (o != null) {
            f.put("order_id", o.id);
            boolean changed = commerce.setShipment(s, o, shipment);
            if (f.hasNonNull("tracking_number")) {
                o.trackingNumber = f.get("tracking_number").asText();
                o.trackingCompany = f.path("tracking_company").asText(null);
                o.trackingUrl = in.path("tracking_url").asText(null);
                changed = true;
            }
            if (changed) {
                s.emit("order_updated", "order", o::toJson);
            }
        } else {
            f.putNull("order_id");
        }
        s.fulfillments.add(f);
        return f;
    }

    // --- customers ---

    private JsonNode searchCustomers(RoutingContext ctx, Store s) {
        List<String> q = ctx.queryParam("query");
        String query = q.isEmpty() ? "" : q.get(0).toLowerCase(Locale.ROOT);
        List<Customer> hits = new ArrayList<>(s.customers.values().stream()
                .filter(c -> query.isBlank() || contains(c.email, query) || contains(c.fullname(), query)
                        || contains(c.phone, query)
                        || c.billingAddress != null && contains(c.billingAddress.path("taxid").asText(null), query))
                .toList());
        if (!ctx.queryParam("order").isEmpty() && ctx.queryParam("order").get(0).startsWith("desc")) {
            Collections.reverse(hits);
        }
        return list(ctx, "customer", hits, Customer::toJson);
    }

    private static Customer createCustomer(Store s, JsonNode in) {
        Customer c = new Customer(s.ids.next(), s.now());
        List<Runnable> ops = c.parse(in, true);
        ops.forEach(Runnable::run);
        if (s.customerByEmail(c.email) != null) {
            throw ApiException.invalid("Email has already been taken");
        }
        s.customers.put(c.id, c);
        s.emit("customer_created", "customer", c::toJson);
        return c;
    }

    private static Customer updateCustomer(Store s, long id, JsonNode in) {
        Customer c = s.customer(id);
        if (in.hasNonNull("email")) {
            Customer other = s.customerByEmail(in.get("email").asText());
            if (other != null && other != c) {
                throw ApiException.invalid("Email has already been taken");
            }
        }
        c.parse(in, false).forEach(Runnable::run);
        s.emit("customer_updated", "customer", c::toJson);
        return c;
    }
}

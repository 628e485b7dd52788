package dev.enlace.connector.framework360.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.simulator.RequestPaths;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.enlace.connector.framework360.simulator.Framework360Simulator.JSON;

/**
 * A site's {@code /m/api}: the {@code X-Fw360-Key} header (401), the rate limit (429), then the operation. Reads are
 * GET with query parameters, writes POST with a JSON body; every answer is {@code {"data": ...}}.
 */
final class Framework360ApiRoutes {
    private record Call(Site site, RoutingContext rc, JsonNode body) {
        String param(String name) {
            String v = rc.queryParams().get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private record Operation(HttpMethod method, BiFunction<Framework360ApiRoutes, Call, JsonNode> handler) {
    }

    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            Map.entry("check", new Operation(HttpMethod.GET, (r, c) -> JSON.createObjectNode().put("ok", true).put("site", c.site().name))),
            Map.entry("orders/list", new Operation(HttpMethod.GET, Framework360ApiRoutes::listOrders)),
            Map.entry("orders/get", new Operation(HttpMethod.GET,
                    (r, c) -> r.sim.order(c.site(), c.param(Framework360Guesses.ORDER_ID_PARAM)).deepCopy())),
            Map.entry("orders/statuses", new Operation(HttpMethod.GET, (r, c) -> {
                ArrayNode out = JSON.createArrayNode();
                c.site().statuses.forEach((id, name) -> out.addObject().put("id", id).put("nome", name));
                return out;
            })),
            Map.entry("orders/updateStatus", new Operation(HttpMethod.POST, Framework360ApiRoutes::updateStatus)),
            Map.entry("webhooks/create", new Operation(HttpMethod.POST, Framework360ApiRoutes::createWebhook)),
            Map.entry("webhooks/delete", new Operation(HttpMethod.POST, Framework360ApiRoutes::deleteWebhook)),
            Map.entry("payments/list", new Operation(HttpMethod.GET, (r, c) -> values(c.site().payments.values().stream()))),
            Map.entry("payments/taxes", new Operation(HttpMethod.GET, (r, c) -> values(c.site().taxes.values().stream()))),
            Map.entry(Framework360Guesses.PRODUCTS_LIST, new Operation(HttpMethod.GET,
                    (r, c) -> page(c, c.site().products.values().stream()))),
            Map.entry(Framework360Guesses.PRODUCTS_GET, new Operation(HttpMethod.GET, Framework360ApiRoutes::getProduct)),
            Map.entry(Framework360Guesses.PRODUCTS_CREATE, new Operation(HttpMethod.POST,
                    (r, c) -> r.sim.createProduct(c.site(), c.body()).deepCopy())),
            Map.entry(Framework360Guesses.PRODUCTS_UPDATE, new Operation(HttpMethod.POST,
                    (r, c) -> r.sim.updateProduct(c.site(), c.body()).deepCopy())),
            Map.entry(Framework360Guesses.PRODUCTS_UPDATE_STOCK, new Operation(HttpMethod.POST, Framework360ApiRoutes::updateStock)));

    private final Framework360Simulator sim;

    Framework360ApiRoutes(Framework360Simulator sim) {
        this.sim = sim;
    }

    void handle(RoutingContext rc) {
        Site site = sim.find(rc.pathParam("site"));
        String key = rc.request().getHeader("X-Fw360-Key");
        if (site == null || key == null || !MessageDigest.isEqual(site.apiKey.getBytes(StandardCharsets.UTF_8),
                key.trim().getBytes(StandardCharsets.UTF_8))) {
            error(rc, new Fw360Error(401, "chiave API non valida"));
            return;
        }
        if (!site.rate.tryAcquire()) {
            site.rateLimited.incrementAndGet();
            rc.response().putHeader("Retry-After", String.valueOf(Math.max(1, (site.rate.millisUntilFree() + 999) / 1000)));
            error(rc, new Fw360Error(429, "troppe richieste"));
            return;
        }
        String path = RequestPaths.inside(rc).substring(Framework360Simulator.apiPath(site.name).length() + 1);
        Operation op = OPERATIONS.get(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        if (op == null || !op.method().equals(rc.request().method())) {
            error(rc, new Fw360Error(404, "operazione non trovata"));
            return;
        }
        try {
            JsonNode body = JSON.createObjectNode();
            if (HttpMethod.POST.equals(rc.request().method()) && rc.body() != null && !rc.body().asString().isBlank()) {
                body = JSON.readTree(rc.body().asString());
            }
            JsonNode data;
            synchronized (site) {
                data = op.handler().apply(this, new Call(site, rc, body));
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.set("data", data);
            rc.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer.toString());
        } catch (Fw360Error e) {
            error(rc, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error(rc, new Fw360Error(400, "JSON non valido"));
        }
    }

    private static JsonNode listOrders(Framework360ApiRoutes r, Call c) {
        Set<Integer> statuses = c.rc().queryParam("statuses[]").stream().map(Integer::valueOf).collect(Collectors.toSet());
        String id = c.param("id");
        String query = c.param("query");
        return page(c, c.site().orders.values().stream()
                .filter(o -> statuses.isEmpty() || statuses.contains(o.get("status").asInt()))
                .filter(o -> id == null || id.equals(o.get("id").asText()))
                .filter(o -> query == null || o.toString().toLowerCase(java.util.Locale.ROOT).contains(query.toLowerCase(java.util.Locale.ROOT))));
    }

    private static JsonNode updateStatus(Framework360ApiRoutes r, Call c) {
        JsonNode b = c.body();
        if (!b.hasNonNull("id") || !b.hasNonNull("status") || !b.get("status").canConvertToInt()) {
            throw new Fw360Error(400, "id e status obbligatori");
        }
        return r.sim.updateStatus(c.site(), b.get("id").asText(), b.get("status").asInt(),
                text(b, "courier"), text(b, "tracking")).deepCopy();
    }

    private static JsonNode createWebhook(Framework360ApiRoutes r, Call c) {
        String event = text(c.body(), "event");
        String url = text(c.body(), "url");
        if (event == null || url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new Fw360Error(400, "event e url obbligatori");
        }
        if (!Framework360Guesses.ORDER_EVENTS.contains(event)) {
            throw new Fw360Error(400, "evento sconosciuto: " + event);
        }
        Site s = c.site();
        var existing = s.webhooks.values().stream().filter(w -> w.event().equals(event) && w.url().equals(url)).findFirst();
        Framework360Simulator.Webhook hook = existing.orElseGet(() -> {
            var w = new Framework360Simulator.Webhook(s.nextId(), event, url);
            s.webhooks.put(w.id(), w);
            return w;
        });
        return JSON.createObjectNode().put("id", hook.id()).put("event", event).put("url", url).put("created", existing.isEmpty());
    }

    private static JsonNode deleteWebhook(Framework360ApiRoutes r, Call c) {
        JsonNode id = c.body().get("id");
        if (id == null || c.site().webhooks.remove(id.asLong()) == null) {
            throw new Fw360Error(404, "webhook non trovato");
        }
        return JSON.createObjectNode().put("deleted", true);
    }

    private static JsonNode getProduct(Framework360ApiRoutes r, Call c) {
        String id = c.param(Framework360Guesses.PRODUCT_ID_PARAM);
        ObjectNode product = id == null || !id.matches("\\d+") ? null : c.site().products.get(Long.parseLong(id));
        if (product == null) {
            throw new Fw360Error(404, "prodotto non trovato");
        }
        return product.deepCopy();
    }

    private static JsonNode updateStock(Framework360ApiRoutes r, Call c) {
        JsonNode b = c.body();
        if (!b.hasNonNull("id") || !b.has("giacenza") || !(b.get("giacenza").isNull() || b.get("giacenza").canConvertToLong())) {
            throw new Fw360Error(400, "id e giacenza obbligatori");
        }
        ObjectNode product = c.site().products.get(b.get("id").asLong());
        if (product == null) {
            throw new Fw360Error(404, "prodotto non trovato");
        }
        ObjectNode target = product;
        if (b.hasNonNull("variante")) {
            target = null;
            for (JsonNode v : product.withArray("varianti")) {
                if (v.get("id").asLong() == b.get("variante").asLong()) {
                    target = (ObjectNode) v;
                }
            }
            if (target == null) {
                throw new Fw360Error(404, "variante non trovata");
            }
        } else if (!product.withArray("varianti").isEmpty()) {
            throw new Fw360Error(400, "il prodotto ha varianti: indicare la variante");
        }
        target.set("giacenza", b.get("giacenza"));
        c.site().stockWrites.computeIfAbsent(target.path("sku").asText(), k -> new AtomicInteger()).incrementAndGet();
        return product.deepCopy();
    }

    private static ArrayNode page(Call c, Stream<ObjectNode> items) {
        int page;
        int limit;
        try {
            page = c.param("page") == null ? 1 : Integer.parseInt(c.param("page"));
            limit = c.param("limit") == null ? Framework360Guesses.DEFAULT_LIMIT : Integer.parseInt(c.param("limit"));
        } catch (NumberFormatException e) {
            throw new Fw360Error(400, "page e limit devono essere numeri");
        }
        if (page < 1 || limit < 1 || limit > Framework360Guesses.MAX_LIMIT) {
            throw new Fw360Error(400, "page >= 1, limit tra 1 e " + Framework360Guesses.MAX_LIMIT);
        }
        return values(items.skip((long) (page - 1) * limit).limit(limit));
    }

    private static ArrayNode values(Stream<ObjectNode> items) {
        ArrayNode out = JSON.createArrayNode();
        List<ObjectNode> list = items.map(ObjectNode::deepCopy).toList();
        list.forEach(out::add);
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    static void error(RoutingContext rc, Fw360Error e) {
        rc.response().setStatusCode(e.status).putHeader("Content-Type", "application/json")
                .end(JSON.createObjectNode().put(Framework360Guesses.ERROR_FIELD, e.getMessage()).toString());
    }
}

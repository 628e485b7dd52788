package dev.enlace.connector.smarty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.smarty.SmartyGuesses;
import dev.enlace.simulator.RequestPaths;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.enlace.connector.smarty.simulator.SmartySimulator.JSON;
import static dev.enlace.connector.smarty.simulator.SmartySimulator.decimal;
import static dev.enlace.connector.smarty.simulator.SmartySimulator.text;

/**
 * {@code {Resource}/{action}/[{id}]?ApiKey=...}: the key first (401), then the rate limit (429), then the route.
 * The method must be the action's: {@code list} GET, {@code post} POST, {@code put} PUT, {@code ship} and
 * {@code confirmShip} POST.
 */
final class SmartyApiRoutes {
    private static final Pattern PATH = Pattern.compile("/([A-Za-z_]+)/([A-Za-z]+)/?(\\d+)?/?");

    private record Call(Account account, RoutingContext rc, Long id, JsonNode body) {
        String param(String name) {
            String v = rc.queryParams().get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }

        boolean flag(String name) {
            return "1".equals(param(name));
        }
    }

    private record Action(HttpMethod method, BiFunction<SmartyApiRoutes, Call, JsonNode> handler) {
    }

    private static final Map<String, Action> ACTIONS = Map.ofEntries(
            Map.entry("Products/list", new Action(HttpMethod.GET, SmartyApiRoutes::listProducts)),
            Map.entry("Products/post", new Action(HttpMethod.POST, SmartyApiRoutes::postProduct)),
            Map.entry("Products/put", new Action(HttpMethod.PUT, SmartyApiRoutes::putProduct)),
            Map.entry("Variations/post", new Action(HttpMethod.POST,
                    (r, c) -> r.sim.createVariation(c.account(), c.body()).deepCopy())),
            Map.entry("Variations/put", new Action(HttpMethod.PUT, SmartyApiRoutes::putVariation)),
            Map.entry("Customers/list", new Action(HttpMethod.GET, SmartyApiRoutes::listCustomers)),
            Map.entry("Customers/post", new Action(HttpMethod.POST, SmartyApiRoutes::postCustomer)),
            Map.entry("Sales_Orders/list", new Action(HttpMethod.GET, SmartyApiRoutes::listOrders)),
            Map.entry("Sales_Orders/post", new Action(HttpMethod.POST, SmartyApiRoutes::postOrder)),
            Map.entry("Sales_Orders/ship", new Action(HttpMethod.POST, SmartyApiRoutes::ship)),
            Map.entry("Sales_Orders/confirmShip", new Action(HttpMethod.POST, SmartyApiRoutes::confirmShip)));

    private final SmartySimulator sim;

    SmartyApiRoutes(SmartySimulator sim) {
        this.sim = sim;
    }

    void handle(RoutingContext rc) {
        Account account = sim.authenticate(rc.queryParams().get("ApiKey"));
        if (account == null) {
            error(rc, new SmartyError(SmartyGuesses.BAD_KEY_STATUS, "ApiKey non valida"));
            return;
        }
        if (!account.rate.tryAcquire()) {
            account.rateLimited.incrementAndGet();
            long seconds = Math.max(1, (account.rate.millisUntilFree() + 999) / 1000);
            rc.response().putHeader("Retry-After", String.valueOf(seconds));
            error(rc, new SmartyError(SmartyGuesses.RATE_LIMITED_STATUS, "Troppe richieste"));
            return;
        }
        String path = RequestPaths.inside(rc).substring(SmartySimulator.API_PREFIX.length());
        Matcher m = PATH.matcher(path);
        Action action = m.matches() ? ACTIONS.get(m.group(1) + "/" + m.group(2)) : null;
        if (action == null || !action.method().equals(rc.request().method())) {
            error(rc, new SmartyError(404, "risorsa non trovata"));
            return;
        }
        try {
            JsonNode body = null;
            if (!HttpMethod.GET.equals(rc.request().method())) {
                String text = rc.body() == null ? null : rc.body().asString();
                body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
                if (!body.isObject()) {
                    throw new SmartyError(400, "il corpo deve essere un oggetto JSON");
                }
            }
            Call call = new Call(account, rc, m.group(3) == null ? null : Long.parseLong(m.group(3)), body);
            JsonNode answer;
            synchronized (account) {
                answer = action.handler().apply(this, call);
            }
            sim.log(account, new SmartySimulator.Request(rc.request().method().name(), m.group(1) + "/" + m.group(2),
                    query(rc), answer.isArray() ? answer.size() : 1));
            rc.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer.toString());
        } catch (SmartyError e) {
            error(rc, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error(rc, new SmartyError(400, "JSON non valido"));
        }
    }

    /** The query parameters of a call, without the key. */
    private static Map<String, String> query(RoutingContext rc) {
        Map<String, String> out = new java.util.TreeMap<>();
        rc.queryParams().forEach((name, value) -> {
            if (!"ApiKey".equals(name)) {
                out.put(name, value);
            }
        });
        return out;
    }

    // ---- products and variations ----

    private JsonNode listProducts(Call c) {
        String from = c.param("last_update_from");
        Predicate<ObjectNode> changed = from == null ? p -> true : p -> text(p, "last_update").compareTo(localTime(from)) >= 0;
        return page(c, c.account().products.values().stream().filter(changed).map(p -> sim.render(c.account(), p)));
    }

    private JsonNode postProduct(Call c) {
        return sim.render(c.account(), sim.upsertProduct(c.account(), c.body(), c.flag("replace_images")));
    }

    private JsonNode putProduct(Call c) {
        ObjectNode p = found(c.account().products.get(requireId(c)), "prodotto");
        return sim.render(c.account(), sim.update(c.account(), p, c.body(), c.flag("replace_images")));
    }

    private JsonNode putVariation(Call c) {
        ObjectNode v = found(c.account().variations.get(requireId(c)), "variante");
        JsonNode productId = c.body().get("product_id");
        if (productId == null || productId.asLong() != v.get("product_id").asLong()) {
            throw new SmartyError(400, "product_id obbligatorio e deve essere quello della variante");
        }
        return sim.update(c.account(), v, c.body(), true).deepCopy();
    }

    // ---- customers ----

    private JsonNode listCustomers(Call c) {
        String text = c.param("text");
        Predicate<ObjectNode> matches = text == null ? n -> true : n -> Stream.of("email", "name", "last_name",
                        "business_name", "vat", "dni")
                .map(f -> text(n, f)).anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
        return page(c, c.account().customers.values().stream().filter(matches).map(n -> (ObjectNode) n.deepCopy()));
    }

    private JsonNode postCustomer(Call c) {
        JsonNode b = c.body();
        if (text(b, "business_name") == null && (text(b, "name") == null || text(b, "last_name") == null)) {
            throw new SmartyError(400, "business_name oppure name e last_name obbligatori");
        }
        ObjectNode customer = ((ObjectNode) b.deepCopy()).put("id", c.account().nextId());
        customer.put("created", sim.now()).put("last_update", sim.now());
        c.account().customers.put(customer.get("id").asLong(), customer);
        return customer.deepCopy();
    }

    // ---- sales orders ----

    private JsonNode listOrders(Call c) {
        String from = c.param("created_from") == null ? null : localTime(c.param("created_from"));
        String to = c.param("created_to") == null ? null : localTime(c.param("created_to"));
        Predicate<ObjectNode> state = o -> (!c.flag("processing") || !o.get("shipped").asBoolean())
                && (!c.flag("shipped") || o.get("shipped").asBoolean() && !o.get("shipping_confirmed").asBoolean())
                && (!c.flag("shipping_confirmed") || o.get("shipping_confirmed").asBoolean());
        return page(c, c.account().orders.values().stream().filter(state)
                .filter(o -> from == null || text(o, "date").compareTo(from) >= 0)
                .filter(o -> to == null || text(o, "date").compareTo(to) < 0)
                .map(o -> (ObjectNode) o.deepCopy()));
    }

    private JsonNode postOrder(Call c) {
        Account a = c.account();
        JsonNode b = c.body();
        JsonNode customerId = b.get("customer_id");
        if (customerId == null || !a.customers.containsKey(customerId.asLong())) {
            throw new SmartyError(400, "customer_id non valido");
        }
        JsonNode rows = b.get("rows");
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw new SmartyError(400, "rows obbligatorie");
        }
        ObjectNode order = JSON.createObjectNode();
        long id = a.nextId();
        order.put("id", id).put("number", String.valueOf(a.orders.size() + 1)).put("code", "SO-" + id)
                .put("date", sim.now()).put("customer_id", customerId.asLong())
                .put("payment_type", text(b, "payment_type")).put("paid", false).put("cod_value", 0)
                .put("canceled", false).put("locked", false).put("shipped", false).put("shipping_confirmed", false)
                .putNull("shipping_date").putNull("carrier").putNull("tracking");
        if (b.has("billing_address")) {
            order.set("billing_address", b.get("billing_address").deepCopy());
        }
        ObjectNode fees = order.putObject("fees");
        fees.put("shipping", b.path("fees").has("shipping") ? decimal(b.path("fees").get("shipping"), "shipping") : BigDecimal.ZERO)
                .put("payment", 0).put("extra", 0);
        ArrayNode lines = order.putArray("rows");
        for (JsonNode row : rows) {
            String sku = text(row, "sku");
            if (sku == null || !row.has("quantity") || !row.has("price")) {
                throw new SmartyError(400, "ogni riga richiede sku, quantity e price");
            }
            BigDecimal quantity = decimal(row.get("quantity"), "quantity");
            ObjectNode item = SmartySimulator.bySku(a, sku).orElse(null);
            if (item == null && !SmartyGuesses.UNKNOWN_SKU_ROWS_ALLOWED) {
                throw new SmartyError(400, "sku sconosciuto: " + sku);
            }
            ObjectNode line = lines.addObject();
            line.put("id", a.nextId()).put("sku", sku).put("name", text(row, "name"))
                    .put("price", decimal(row.get("price"), "price")).put("discount", 0)
                    .put("quantity", quantity);
            if (item != null) {
                line.set("tax_id", item.get("tax_id"));
                if (SmartyGuesses.SALES_ORDER_TAKES_STOCK) {
                    item.put("stock", item.get("stock").decimalValue().subtract(quantity));
                    sim.touch(a, item);
                }
            }
        }
        a.orders.put(id, order);
        return order.deepCopy();
    }

    private JsonNode ship(Call c) {
        ObjectNode o = found(c.account().orders.get(requireId(c)), "ordine");
        if (SmartyGuesses.STRICT_SHIPPING_STATES && o.get("shipped").asBoolean()) {
            throw new SmartyError(400, "ordine già spedito");
        }
        o.put("shipped", true).put("shipping_date", sim.now());
        return o.deepCopy();
    }

    private JsonNode confirmShip(Call c) {
        ObjectNode o = found(c.account().orders.get(requireId(c)), "ordine");
        if (SmartyGuesses.STRICT_SHIPPING_STATES && (!o.get("shipped").asBoolean() || o.get("shipping_confirmed").asBoolean())) {
            throw new SmartyError(400, "l'ordine deve essere spedito e non ancora confermato");
        }
        o.put("shipping_confirmed", true);
        if (text(c.body(), "carrier") != null) {
            o.put("carrier", text(c.body(), "carrier"));
        }
        if (text(c.body(), "tracking") != null) {
            o.put("tracking", text(c.body(), "tracking"));
        }
        return o.deepCopy();
    }

    // ---- helpers ----

    private static ArrayNode page(Call c, Stream<ObjectNode> items) {
        int limit = integer(c.param("limit"), SmartyGuesses.DEFAULT_LIMIT);
        int offset = integer(c.param("offset"), 0);
        if (limit < 1 || limit > SmartyGuesses.MAX_LIMIT || offset < 0) {
            throw new SmartyError(400, "limit deve essere tra 1 e " + SmartyGuesses.MAX_LIMIT + ", offset >= 0");
        }
        ArrayNode out = JSON.createArrayNode();
        List<ObjectNode> list = items.skip(offset).limit(limit).toList();
        list.forEach(out::add);
        return out;
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SmartyError(400, "numero non valido: " + value);
        }
    }

    /** {@code 2021-12-14T10:00:00}: a local time without zone, compared as text in the same format. */
    private static String localTime(String value) {
        try {
            return java.time.LocalDateTime.parse(value).format(SmartySimulator.LOCAL);
        } catch (java.time.format.DateTimeParseException e) {
            throw new SmartyError(400, "data non valida: " + value);
        }
    }

    private static long requireId(Call c) {
        if (c.id() == null) {
            throw new SmartyError(400, "id mancante nel percorso");
        }
        return c.id();
    }

    private static ObjectNode found(ObjectNode node, String what) {
        if (node == null) {
            throw new SmartyError(404, what + " non trovato");
        }
        return node;
    }

    static void error(RoutingContext rc, SmartyError e) {
        rc.response().setStatusCode(e.status).putHeader("Content-Type", "application/json")
                .end(JSON.createObjectNode().put(SmartyGuesses.ERROR_FIELD, e.getMessage()).toString());
    }
}

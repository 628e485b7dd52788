package dev.enlace.connector.smarty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.smarty.SmartyGuesses;
import dev.enlace.simulator.RateWindow;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A stateful simulator of the Gestionale Smarty API V2 (framework360-smarty.md §B): accounts reached with their
 * {@code ApiKey} query parameter under {@code /titanium/V2/Api}, verb-in-path routing, bare-array lists paged with
 * {@code limit}/{@code offset}, products with variations, customers, and sales orders moving
 * processing → shipped → shipping_confirmed. What the doc leaves open comes from {@link SmartyGuesses}.
 * The control side (what a user does in Smarty's UI, plus test levers) is the public methods here and
 * {@code /_sim}.
 */
public final class SmartySimulator {
    public static final String API_PREFIX = "/titanium/V2/Api";
    static final int REQUEST_LOG = 1000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public SmartySimulator(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    public SmartySimulator(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    public Router router() {
        Router router = Router.router(vertx);
        new SmartyAdminRoutes(this).mount(router);
        router.route(API_PREFIX + "/*").handler(BodyHandler.create().setBodyLimit(8L << 20))
                .handler(new SmartyApiRoutes(this)::handle);
        return router;
    }

    // ---- accounts ----

    /** A new Smarty account; the returned key is what Smarty hands out for API access. */
    public String createAccount(String name) {
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        String key = HexFormat.of().formatHex(raw);
        accounts.put(key, new Account(key, name, window(SmartyGuesses.RATE_LIMIT_PER_MINUTE)));
        return key;
    }

    public void reset() {
        accounts.clear();
    }

    // ---- catalogue, as edited in Smarty's UI ----

    /** Creates (or, same SKU, updates) a product as {@code Products/post} would; returns its id. */
    public long putProduct(String apiKey, ObjectNode product) {
        return with(apiKey, a -> upsertProduct(a, product, false).get("id").asLong());
    }

    /** Adds a variation to a product as {@code Variations/post} would; returns its id. */
    public long addVariation(String apiKey, long productId, ObjectNode variation) {
        return with(apiKey, a -> {
            ObjectNode v = variation.deepCopy().put("product_id", productId);
            return createVariation(a, v).get("id").asLong();
        });
    }

    /** A stock adjustment in the UI, on a product or a variation found by SKU. */
    public void setStock(String apiKey, String sku, BigDecimal stock) {
        with(apiKey, a -> {
            ObjectNode item = bySku(a, sku).orElseThrow(() -> new IllegalArgumentException("no SKU " + sku));
            item.put("stock", stock);
            touch(a, item);
            return null;
        });
    }

    public BigDecimal stock(String apiKey, String sku) {
        return with(apiKey, a -> bySku(a, sku).map(n -> n.get("stock").decimalValue())
                .orElseThrow(() -> new IllegalArgumentException("no SKU " + sku)));
    }

    /** The product (or variation) with that SKU as the API renders it. */
    public JsonNode item(String apiKey, String sku) {
        return with(apiKey, a -> bySku(a, sku).map(n -> n.has("product_id") ? n.deepCopy() : render(a, n))
                .orElseThrow(() -> new IllegalArgumentException("no SKU " + sku)));
    }

    /** Every sales order, oldest first, as {@code Sales_Orders/list} renders them. */
    public List<JsonNode> orders(String apiKey) {
        return with(apiKey, a -> a.orders.values().stream().map(o -> (JsonNode) o.deepCopy()).toList());
    }

    /**
     * One API call the account answered: method, {@code Resource/action}, query parameters (without the key), and
     * how many items a list answered (1 for other calls). Control side only: the API shows nothing of it.
     */
    public record Request(String method, String action, Map<String, String> query, int items) {
    }

    /** The account's latest API calls answered successfully (at most {@value #REQUEST_LOG}), oldest first. */
    public List<Request> requests(String apiKey) {
        return with(apiKey, a -> List.copyOf(a.requests));
    }

    void log(Account a, Request request) {
        synchronized (a) {
            a.requests.addLast(request);
            if (a.requests.size() > REQUEST_LOG) {
                a.requests.removeFirst();
            }
        }
    }

    // ---- levers ----

    public void setRateLimit(String apiKey, int perMinute) {
        account(apiKey).rate = window(perMinute);
    }

    /** Calls refused for going past the rate limit. */
    public int rateLimitedCalls(String apiKey) {
        return account(apiKey).rateLimited.get();
    }

    // ---- shared with the routes ----

    Account authenticate(String apiKey) {
        return apiKey == null ? null : accounts.get(apiKey.trim());
    }

    Account account(String apiKey) {
        Account a = authenticate(apiKey);
        if (a == null) {
            throw new IllegalArgumentException("no account with that key");
        }
        return a;
    }

    <T> T with(String apiKey, Function<Account, T> f) {
        Account a = account(apiKey);
        synchronized (a) {
            return f.apply(a);
        }
    }

    String now() {
        return LocalDateTime.now(clock.withZone(SmartyGuesses.ZONE)).truncatedTo(ChronoUnit.SECONDS).format(LOCAL);
    }

    /** {@code Products/post}: a new product, or the product with the same SKU updated (a guess). */
    ObjectNode upsertProduct(Account a, JsonNode body, boolean replaceImages) {
        String sku = text(body, "sku");
        if (sku == null) {
            throw new SmartyError(400, "sku obbligatorio");
        }
        Optional<ObjectNode> existing = SmartyGuesses.PRODUCT_POST_UPSERTS_BY_SKU
                ? a.products.values().stream().filter(p -> sku.equals(text(p, "sku"))).findFirst()
                : Optional.empty();
        if (existing.isPresent()) {
            return update(a, existing.get(), body, replaceImages);
        }
        if (text(body, "title") == null) {
            throw new SmartyError(400, "title obbligatorio");
        }
        ObjectNode p = JSON.createObjectNode();
        p.put("id", a.nextId()).put("stock", 0).putArray("images");
        p.put("created", now());
        a.products.put(p.get("id").asLong(), p);
        return update(a, p, body, true);
    }

    /** Copies the fields sent, except ids; images are replaced or appended as {@code replace_images} says. */
    ObjectNode update(Account a, ObjectNode item, JsonNode body, boolean replaceImages) {
        body.fields().forEachRemaining(f -> {
            switch (f.getKey()) {
                case "id", "product_id", "created", "last_update", "variations" -> { }
                case "images" -> {
                    ArrayNode images = replaceImages || !item.has("images") ? item.putArray("images") : (ArrayNode) item.get("images");
                    f.getValue().forEach(images::add);
                }
                case "stock" -> item.put("stock", decimal(f.getValue(), "stock"));
                default -> item.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        touch(a, item);
        return item;
    }

    ObjectNode createVariation(Account a, JsonNode body) {
        Long productId = body.hasNonNull("product_id") ? body.get("product_id").asLong() : null;
        if (productId == null) {
            throw new SmartyError(400, "product_id obbligatorio");
        }
        if (!a.products.containsKey(productId)) {
            throw new SmartyError(404, "prodotto " + productId + " non trovato");
        }
        if (text(body, "sku") == null) {
            throw new SmartyError(400, "sku obbligatorio");
        }
        ObjectNode v = JSON.createObjectNode();
        v.put("id", a.nextId()).put("product_id", productId).put("stock", 0);
        a.variations.put(v.get("id").asLong(), v);
        return update(a, v, body, true);
    }

    /** The item's own {@code last_update}, and its product's when it is a variation (a guess). */
    void touch(Account a, ObjectNode item) {
        String now = now();
        item.put("last_update", now);
        if (item.has("product_id") && SmartyGuesses.VARIATION_TOUCHES_PRODUCT) {
            ObjectNode product = a.products.get(item.get("product_id").asLong());
            if (product != null) {
                product.put("last_update", now);
            }
        }
    }

    /** A product as the list renders it: with its variations (a guess). */
    ObjectNode render(Account a, ObjectNode product) {
        ObjectNode copy = product.deepCopy();
        ArrayNode variations = copy.putArray(SmartyGuesses.VARIATIONS_FIELD);
        long id = product.get("id").asLong();
        a.variations.values().stream().filter(v -> v.get("product_id").asLong() == id).forEach(v -> variations.add(v.deepCopy()));
        return copy;
    }

    static Optional<ObjectNode> bySku(Account a, String sku) {
        return java.util.stream.Stream.concat(a.variations.values().stream(), a.products.values().stream())
                .filter(n -> sku.equals(text(n, "sku"))).findFirst();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    /** Numbers come as JSON numbers or decimal strings ({@code "price":"15.20"}, {@code "quantity":"2"}). */
    static BigDecimal decimal(JsonNode v, String field) {
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new SmartyError(400, field + " non valido: " + v.asText());
        }
    }

    private RateWindow window(int perMinute) {
        return new RateWindow(perMinute, 60_000, clock);
    }
}

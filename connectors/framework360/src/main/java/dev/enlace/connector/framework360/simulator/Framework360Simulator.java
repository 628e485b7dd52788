package dev.enlace.connector.framework360.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stateful simulator of Framework360's site API (framework360-smarty.md §A): sites under
 * {@code /sites/<site>/m/api}, the {@code X-Fw360-Key} header, payloads under {@code data}, the catalogued order,
 * webhook, payment and check operations, and, marked as guesses in {@link Framework360Guesses}, product/stock
 * endpoints and signed order webhooks. The back office (placing orders, changing statuses, seeding the catalogue)
 * is the public methods here.
 */
public final class Framework360Simulator {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param timeScale multiplies the webhook retry back-off (1.0 = real minutes) */
    public record Options(double timeScale) {
        public static Options defaults() {
            return new Options(1.0);
        }
    }

    /** A webhook registered with {@code webhooks/create}. */
    public record Webhook(long id, String event, String url) {
    }

    /** One line of a shopper's cart: a SKU and how many. */
    public record Line(String sku, int quantity) {
    }

    /** An order placed at the checkout; {@code paymentId} is one of {@code payments/list}. */
    public record OrderRequest(String email, String nome, String cognome, String piva, List<Line> lines, long paymentId,
            BigDecimal shippingCost) {
    }

    private final Vertx vertx;
    private final Clock clock;
    private final Options options;
    private final Map<String, Site> sites = new ConcurrentHashMap<>();

    public Framework360Simulator(Vertx vertx, Options options) {
        this(vertx, options, Clock.systemUTC());
    }

    public Framework360Simulator(Vertx vertx, Options options, Clock clock) {
        this.vertx = vertx;
        this.options = options;
        this.clock = clock;
    }

    public Router router() {
        Router router = Router.router(vertx);
        new Framework360AdminRoutes(this).mount(router);
        router.route("/sites/:site/m/api/*").handler(BodyHandler.create().setBodyLimit(8L << 20))
                .handler(new Framework360ApiRoutes(this)::handle);
        return router;
    }

    /** Where a site's API answers, relative to the simulator's root. */
    public static String apiPath(String site) {
        return "/sites/" + site + "/m/api";
    }

    // ---- sites ----

    /** A new site with Framework360's default statuses, payment methods and Italian VAT rates; returns its API key. */
    public String createSite(String name) {
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        String key = HexFormat.of().formatHex(raw);
        WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, Framework360Guesses.WEBHOOK_TIMEOUT,
                Framework360Guesses.WEBHOOK_RETRIES, Framework360Guesses::webhookBackoff, options.timeScale());
        Site site = new Site(name, key, window(Framework360Guesses.RATE_LIMIT_PER_MINUTE), dispatcher);
        site.statuses.putAll(new java.util.TreeMap<>(Framework360Guesses.DEFAULT_STATUSES));
        payment(site, 1, "Carta di credito", false);
        payment(site, 2, "PayPal", false);
        payment(site, 3, "Contrassegno", true);
        payment(site, 4, "Bonifico bancario", false);
        tax(site, 1, "IVA 22%", "22");
        tax(site, 2, "IVA 10%", "10");
        tax(site, 3, "IVA 4%", "4");
        Site previous = sites.putIfAbsent(name, site);
        if (previous != null) {
            dispatcher.close();
            throw new IllegalArgumentException("site " + name + " exists");
        }
        return key;
    }

    public void reset() {
        sites.values().forEach(s -> s.dispatcher.close());
        sites.clear();
    }

    // ---- catalogue (Framework360 imports it from the ERP's plugin) ----

    /** A product without variants; {@code stock} null = unlimited. Returns its id. */
    public long addProduct(String site, String sku, String nome, BigDecimal prezzo, Long stock) {
        return with(site, s -> {
            ObjectNode p = newProduct(s, sku, nome, prezzo, true);
            p.put("giacenza", stock);
            return p.get("id").asLong();
        });
    }

    /** A variant of a product (e.g. Taglia M); the product's own stock no longer counts. Returns its id. */
    public long addVariant(String site, long productId, String sku, String nome, Long stock) {
        return with(site, s -> {
            ObjectNode product = s.products.get(productId);
            if (product == null) {
                throw new IllegalArgumentException("no product " + productId);
            }
            ObjectNode v = product.withArray("varianti").addObject();
            v.put("id", s.nextId()).put("product_id", productId).put("sku", sku).put("nome", nome).put("giacenza", stock);
            return v.get("id").asLong();
        });
    }

    /** The stock the site shows for a SKU (product or variant); null = unlimited. */
    public Long stock(String site, String sku) {
        return with(site, s -> {
            JsonNode n = bySku(s, sku);
            return n.get("giacenza").isNull() ? null : n.get("giacenza").asLong();
        });
    }

    /** How many times the stock of a SKU was written through the API. */
    public int stockWrites(String site, String sku) {
        return with(site, s -> s.stockWrites.getOrDefault(sku, new AtomicInteger()).get());
    }

    /** The product holding this SKU (on itself or a variant), as {@code products/get} renders it. */
    public JsonNode product(String site, String sku) {
        return with(site, s -> productOf(s, bySku(s, sku)).deepCopy());
    }

    /** How many times a product was created or updated through the API ({@code products/create}, {@code update}). */
    public int productWrites(String site, long productId) {
        return with(site, s -> s.productWrites.getOrDefault(productId, new AtomicInteger()).get());
    }

    public long productId(String site, String sku) {
        return with(site, s -> s.products.values().stream().filter(p -> sku.equals(p.path("sku").asText()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no product " + sku)).get("id").asLong());
    }

    // ---- orders (the shop front and the back office) ----

    /** A shopper checks out: the order starts in status 1, stock is taken, {@code order.created} fires. */
    public String placeOrder(String site, OrderRequest request) {
        return with(site, s -> {
            ObjectNode payment = s.payments.get(request.paymentId());
            if (payment == null) {
                throw new IllegalArgumentException("no payment method " + request.paymentId());
            }
            long id = s.nextId();
            ObjectNode o = JSON.createObjectNode();
            o.put("id", String.valueOf(id)).put("status", 1).put("status_name", s.statuses.get(1))
                    .put("user_email", request.email()).putNull("customer_id");
            ObjectNode billing = o.putObject("billing_data").put("nome", request.nome()).put("cognome", request.cognome())
                    .put("piva", request.piva()).put("indirizzo", "Via Roma 1").put("citta", "Milano").put("cap", "20100")
                    .put("provincia", "MI").put("stato", "IT");
            o.set("shipping_data", billing.deepCopy());
            ArrayNode cart = o.putArray("cart");
            BigDecimal subtotal = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            for (Line line : request.lines()) {
                ObjectNode item = bySku(s, line.sku());
                BigDecimal price = item.has("prezzo") ? item.get("prezzo").decimalValue() : BigDecimal.ZERO;
                BigDecimal rate = BigDecimal.valueOf(item.path("iva").asInt(22));
                BigDecimal gross = price.multiply(BigDecimal.valueOf(line.quantity()));
                subtotal = subtotal.add(gross);
                tax = tax.add(gross.subtract(gross.multiply(BigDecimal.valueOf(100)).divide(rate.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP)));
                boolean variant = item.has("product_id");
                cart.addObject().put("product_id", String.valueOf(variant ? item.get("product_id").asLong() : item.get("id").asLong()))
                        .put("variant_id", variant ? item.get("id").asText() : null).put("sku", line.sku())
                        .put("nome", item.path("nome").asText()).put("quantita", line.quantity()).put("prezzo", price)
                        .put("sconto", 0).put("iva", rate);
                if (!item.get("giacenza").isNull()) {
                    item.put("giacenza", item.get("giacenza").asLong() - line.quantity());
                }
            }
            BigDecimal shipping = request.shippingCost() == null ? BigDecimal.ZERO : request.shippingCost();
            o.set("payment", payment.deepCopy());
            o.put("currency", Framework360Guesses.CURRENCY).put("subtotal", subtotal).put("shipping_cost", shipping)
                    .put("discount", 0).put("tax", tax).put("total", subtotal.add(shipping))
                    .putNull("courier").putNull("tracking").put("created_at", now()).put("updated_at", now());
            s.orders.put(id, o);
            notify(s, "order.created", o);
            return String.valueOf(id);
        });
    }

    /** A status change in the back office (or by the payment gateway); {@code order.updated} fires. */
    public void setStatus(String site, String orderId, int status) {
        with(site, s -> updateStatus(s, orderId, status, null, null));
    }

    /** The id of the site's status with that name. */
    public int status(String site, String name) {
        return with(site, s -> s.statuses.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no status " + name)).getKey());
    }

    /** The order as {@code orders/get} returns it. */
    public JsonNode order(String site, String orderId) {
        return with(site, s -> order(s, orderId).deepCopy());
    }

    /** Every delivery attempt of this site's webhooks, oldest first. */
    public List<WebhookDispatcher.Attempt> webhookAttempts(String site) {
        return with(site, s -> s.dispatcher.attempts());
    }

    public List<Webhook> webhooks(String site) {
        return with(site, s -> List.copyOf(s.webhooks.values()));
    }

    public void setRateLimit(String site, int perMinute) {
        site(site).rate = window(perMinute);
    }

    public int rateLimitedCalls(String site) {
        return site(site).rateLimited.get();
    }

    // ---- shared with the routes ----

    Site site(String name) {
        Site s = sites.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no site " + name);
        }
        return s;
    }

    Site find(String name) {
        return sites.get(name);
    }

    <T> T with(String name, Function<Site, T> f) {
        Site s = site(name);
        synchronized (s) {
            return f.apply(s);
        }
    }

    ObjectNode order(Site s, String orderId) {
        ObjectNode o = orderId == null || !orderId.matches("\\d+") ? null : s.orders.get(Long.parseLong(orderId));
        if (o == null) {
            throw new Fw360Error(404, "ordine non trovato");
        }
        return o;
    }

    ObjectNode updateStatus(Site s, String orderId, int status, String courier, String tracking) {
        ObjectNode o = order(s, orderId);
        String name = s.statuses.get(status);
        if (name == null) {
            throw new Fw360Error(400, "stato " + status + " non esiste");
        }
        o.put("status", status).put("status_name", name).put("updated_at", now());
        if (courier != null) {
            o.put("courier", courier);
        }
        if (tracking != null) {
            o.put("tracking", tracking);
        }
        notify(s, "order.updated", o);
        return o;
    }

    /** {@code products/create}: {@code nome} and {@code prezzo} required, every SKU new to the site (guesses). */
    ObjectNode createProduct(Site s, JsonNode body) {
        if (text(body, "nome") == null || !body.path("prezzo").isNumber()) {
            throw new Fw360Error(400, "nome e prezzo obbligatori");
        }
        requireNewSkus(s, body, null);
        ObjectNode p = newProduct(s, text(body, "sku"), text(body, "nome"), body.get("prezzo").decimalValue(),
                !body.has(Framework360Guesses.ACTIVE_FIELD) || body.get(Framework360Guesses.ACTIVE_FIELD).asBoolean());
        p.put("giacenza", body.hasNonNull("giacenza") ? body.get("giacenza").asLong() : Framework360Guesses.NEW_STOCK);
        writeFields(p, body);
        for (JsonNode v : body.path("varianti")) {
            addVariant(s, p, v);
        }
        s.productWrites.computeIfAbsent(p.get("id").asLong(), k -> new AtomicInteger()).incrementAndGet();
        return p;
    }

    /** {@code products/update}: the fields sent change; variants with an id are updated, others added (guesses). */
    ObjectNode updateProduct(Site s, JsonNode body) {
        ObjectNode p = body.hasNonNull("id") ? s.products.get(body.get("id").asLong()) : null;
        if (p == null) {
            throw new Fw360Error(body.hasNonNull("id") ? 404 : 400, body.hasNonNull("id") ? "prodotto non trovato" : "id obbligatorio");
        }
        if (body.has("nome") && text(body, "nome") == null || body.has("prezzo") && !body.get("prezzo").isNumber()) {
            throw new Fw360Error(400, "nome e prezzo non possono essere vuoti");
        }
        requireNewSkus(s, body, p);
        for (JsonNode v : body.path("varianti")) {
            if (v.hasNonNull("id") && variant(p, v.get("id").asLong()) == null) {
                throw new Fw360Error(404, "variante non trovata");
            }
        }
        if (body.has("nome")) {
            p.put("nome", text(body, "nome"));
        }
        if (body.has("prezzo")) {
            p.put("prezzo", body.get("prezzo").decimalValue());
        }
        if (body.has("sku")) {
            p.put("sku", text(body, "sku"));
        }
        if (body.has(Framework360Guesses.ACTIVE_FIELD)) {
            p.put(Framework360Guesses.ACTIVE_FIELD, body.get(Framework360Guesses.ACTIVE_FIELD).asBoolean());
        }
        writeFields(p, body);
        for (JsonNode v : body.path("varianti")) {
            ObjectNode target = v.hasNonNull("id") ? variant(p, v.get("id").asLong()) : null;
            if (target == null) {
                addVariant(s, p, v);
            } else {
                v.fields().forEachRemaining(f -> {
                    if (List.of("sku", "nome", "prezzo", "ean").contains(f.getKey())) {
                        target.set(f.getKey(), f.getValue().deepCopy());
                    }
                });
            }
        }
        s.productWrites.computeIfAbsent(p.get("id").asLong(), k -> new AtomicInteger()).incrementAndGet();
        return p;
    }

    /** The fields create and update share: description, barcode and, where sent, categories and images. */
    private static void writeFields(ObjectNode p, JsonNode body) {
        if (body.has("descrizione")) {
            p.put("descrizione", text(body, "descrizione"));
        }
        if (body.has("ean")) {
            p.put("ean", text(body, "ean"));
        }
        for (String list : List.of(Framework360Guesses.CATEGORIES_FIELD, Framework360Guesses.IMAGES_FIELD)) {
            if (body.has(list)) {
                ArrayNode values = p.putArray(list);
                body.get(list).forEach(n -> {
                    if (!n.asText().isBlank()) {
                        values.add(n.asText().trim());
                    }
                });
            }
        }
    }

    private ObjectNode newProduct(Site s, String sku, String nome, BigDecimal prezzo, boolean active) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", s.nextId()).put("sku", sku).put("nome", nome).put("descrizione", (String) null).put("prezzo", prezzo)
                .put("ean", (String) null).put("iva", 22).put(Framework360Guesses.ACTIVE_FIELD, active);
        p.putArray(Framework360Guesses.CATEGORIES_FIELD);
        p.putArray(Framework360Guesses.IMAGES_FIELD);
        p.putArray("varianti");
        s.products.put(p.get("id").asLong(), p);
        return p;
    }

    private static void addVariant(Site s, ObjectNode product, JsonNode v) {
        if (text(v, "sku") == null) {
            throw new Fw360Error(400, "sku della variante obbligatorio");
        }
        ObjectNode variant = product.withArray("varianti").addObject();
        variant.put("id", s.nextId()).put("product_id", product.get("id").asLong()).put("sku", text(v, "sku"))
                .put("nome", text(v, "nome")).put("ean", text(v, "ean"))
                .put("giacenza", v.hasNonNull("giacenza") ? v.get("giacenza").asLong() : Framework360Guesses.NEW_STOCK);
        if (v.path("prezzo").isNumber()) {
            variant.put("prezzo", v.get("prezzo").decimalValue());
        }
    }

    /** Every SKU of the body must be free on the site, or already the product's own (guess: SKUs are unique). */
    private static void requireNewSkus(Site s, JsonNode body, ObjectNode own) {
        List<String> skus = new java.util.ArrayList<>();
        if (text(body, "sku") != null) {
            skus.add(text(body, "sku"));
        }
        body.path("varianti").forEach(v -> {
            if (text(v, "sku") != null) {
                skus.add(text(v, "sku"));
            }
        });
        if (skus.stream().distinct().count() < skus.size()) {
            throw new Fw360Error(400, "sku ripetuto");
        }
        for (String sku : skus) {
            ObjectNode holder;
            try {
                holder = productOf(s, bySku(s, sku));
            } catch (Fw360Error notFound) {
                continue;
            }
            if (Framework360Guesses.SKU_UNIQUE_PER_SITE && holder != own) {
                throw new Fw360Error(400, "sku " + sku + " già presente");
            }
        }
    }

    private static ObjectNode variant(ObjectNode product, long id) {
        for (JsonNode v : product.withArray("varianti")) {
            if (v.get("id").asLong() == id) {
                return (ObjectNode) v;
            }
        }
        return null;
    }

    /** The product itself, or the product a variant belongs to. */
    static ObjectNode productOf(Site s, ObjectNode item) {
        return item.has("product_id") ? s.products.get(item.get("product_id").asLong()) : item;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    /** A product or variant by SKU. */
    static ObjectNode bySku(Site s, String sku) {
        for (ObjectNode p : s.products.values()) {
            for (JsonNode v : p.withArray("varianti")) {
                if (sku.equals(v.path("sku").asText())) {
                    return (ObjectNode) v;
                }
            }
            if (sku.equals(p.path("sku").asText())) {
                return p;
            }
        }
        throw new Fw360Error(404, "sku " + sku + " non trovato");
    }

    /** Sends the event to every webhook registered for it: thin body, signed with the site's key (guesses). */
    private void notify(Site s, String event, ObjectNode order) {
        ObjectNode body = JSON.createObjectNode().put("event", event);
        body.putObject("data").put("id", order.get("id").asText()).put("status", order.get("status").asInt())
                .put("updated_at", order.get("updated_at").asText());
        String text = body.toString();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json")
                .add(Framework360Guesses.EVENT_HEADER, event)
                .add(Framework360Guesses.SIGNATURE_HEADER, Framework360Guesses.SIGNATURE_PREFIX + sign(s.apiKey, text));
        s.webhooks.values().stream().filter(w -> w.event().equals(event))
                .forEach(w -> vertx.runOnContext(v -> s.dispatcher.deliver(w.url(), headers, text)));
    }

    static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String now() {
        return LocalDateTime.now(clock.withZone(Framework360Guesses.ZONE)).truncatedTo(ChronoUnit.SECONDS).format(Framework360Guesses.DATE_FORMAT);
    }

    private static void payment(Site s, long id, String nome, boolean cod) {
        s.payments.put(id, JSON.createObjectNode().put("id", id).put("nome", nome).put("contrassegno", cod));
    }

    private static void tax(Site s, long id, String nome, String rate) {
        s.taxes.put(id, JSON.createObjectNode().put("id", id).put("nome", nome).put("aliquota", new BigDecimal(rate)));
    }

    private RateWindow window(int perMinute) {
        return new RateWindow(perMinute, 60_000, clock);
    }
}

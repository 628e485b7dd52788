package dev.enlace.connector.moysklad.simulator;

import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stateful simulator of the MoySklad JSON API 1.2 as described in
 * {@code shared/connectors/moysklad.md}: several accounts, Basic or Bearer auth, served under
 * {@code /api/remap/1.2}; an admin API under {@code /_sim} whose operations are also the public
 * methods of this class.
 */
public final class MoyskladSimulator implements AutoCloseable {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** How a test or a client reaches one simulated account. */
    public record AccountAccess(String accountId, String login, String password, String token) {
        public String basicAuth() {
            return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes());
        }
    }

    /** One warehouse's stock of one assortment item. */
    public record StockLevel(double stock, double reserve, double inTransit) {
    }

    private final Vertx vertx;
    private final MoyskladSimulatorOptions options;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Account> byToken = new ConcurrentHashMap<>();
    private final Map<String, Account> byLogin = new ConcurrentHashMap<>();
    private final Api api;
    private volatile String lastBase;
    private final byte[] downloadKey = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

    public MoyskladSimulator(Vertx vertx, MoyskladSimulatorOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.api = new Api(this);
    }

    public MoyskladSimulatorOptions options() {
        return options;
    }

    /** The API under {@code /api/remap/1.2} and the admin API under {@code /_sim}. */
    public Router router() {
        Router router = Router.router(vertx);
        new Admin(this).mount(router);
        api.mount(router);
        return router;
    }

    // ---- accounts and tokens ----

    /** A new account with one admin user {@code admin@<name>} and one user token. */
    public AccountAccess createAccount(String name) {
        String login = "admin@" + name.toLowerCase().replaceAll("[^a-z0-9]+", "") + accounts.size();
        String password = UUID.randomUUID().toString();
        WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, options.webhookTimeout(), 3, n -> Duration.ZERO, 1.0);
        Account a = new Account(name, login, password,
                new RateWindow(options.rateUnits(), options.rateWindow().toMillis(), options.clock()), dispatcher);
        Account.Organization organization = new Account.Organization(UUID.randomUUID().toString(), name);
        a.organizations.put(organization.id(), organization);
        for (Account.State state : OrderApi.defaultStates()) {
            a.orderStates.put(state.id(), state);
        }
        accounts.put(a.id, a);
        byLogin.put(login, a);
        return new AccountAccess(a.id, login, password, issueToken(a));
    }

    /** Like {@code POST /security/token}: a new token that revokes the user's earlier ones. */
    String issueToken(Account a) {
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        synchronized (a) {
            a.tokens.forEach(byToken::remove);
            a.tokens.clear();
            a.tokens.add(token);
        }
        byToken.put(token, a);
        return token;
    }

    public void reset() {
        accounts.values().forEach(a -> a.dispatcher.close());
        accounts.clear();
        byToken.clear();
        byLogin.clear();
    }

    @Override
    public void close() {
        reset();
    }

    // ---- seeding and stock ----

    public MoyskladSeed.Result seed(String accountId, MoyskladSeed seed) {
        Account a = account(accountId);
        List<String> storeIds = new ArrayList<>();
        List<String> productIds = new ArrayList<>();
        List<String> assortmentIds = new ArrayList<>();
        Instant now = options.clock().instant();
        synchronized (a) {
            for (MoyskladSeed.Store s : nz(seed.stores())) {
                Account.Store store = new Account.Store();
                store.name = s.name();
                store.code = s.code();
                a.stores.put(store.id, store);
                storeIds.add(store.id);
            }
            for (MoyskladSeed.Product s : nz(seed.products())) {
                Account.Product p = new Account.Product();
                p.name = s.name();
                p.article = s.article();
                p.code = s.code();
                p.externalCode = s.externalCode() != null ? s.externalCode() : UUID.randomUUID().toString();
                p.prices.put(a.priceTypes.get(0).id(), s.price() == null ? 0 : s.price());
                p.updated = now;
                if (s.attributes() != null) {
                    s.attributes().forEach((name, value) -> p.attributes.put(attribute(a, name).id(), value));
                }
                a.products.put(p.id, p);
                productIds.add(p.id);
                if (s.variants() == null || s.variants().isEmpty()) {
                    setLevels(a, p.id, s.stock(), s.reserve(), now);
                    assortmentIds.add(p.id);
                    continue;
                }
                for (MoyskladSeed.Variant sv : s.variants()) {
                    Account.Variant v = new Account.Variant();
                    v.productId = p.id;
                    v.article = sv.article();
                    v.code = sv.code();
                    v.externalCode = UUID.randomUUID().toString();
                    v.updated = now;
                    if (sv.characteristics() != null) {
                        sv.characteristics().forEach((name, value) -> {
                            a.characteristics.computeIfAbsent(name, k -> UUID.randomUUID().toString());
                            v.characteristics.put(name, value);
                        });
                    }
                    v.name = sv.name() != null ? sv.name()
                            : p.name + (v.characteristics.isEmpty() ? "" : " (" + String.join(", ", v.characteristics.values()) + ")");
                    a.variants.put(v.id, v);
                    p.variantIds.add(v.id);
                    setLevels(a, v.id, sv.stock(), sv.reserve(), now);
                    assortmentIds.add(v.id);
                }
            }
        }
        return new MoyskladSeed.Result(storeIds, productIds, assortmentIds);
    }

    private static void setLevels(Account a, String assortmentId, Map<String, Double> stock, Map<String, Double> reserve,
            Instant now) {
        if (stock != null) {
            stock.forEach((store, qty) -> {
                Account.Level l = a.level(assortmentId, a.storeByName(store).id);
                l.stock = qty;
                l.changed = now;
            });
        }
        if (reserve != null) {
            reserve.forEach((store, qty) -> {
                Account.Level l = a.level(assortmentId, a.storeByName(store).id);
                l.reserve = qty;
                l.changed = now;
            });
        }
    }

    /** A product custom field, created as {@code string} on first use. */
    static Account.Attribute attribute(Account a, String name) {
        Account.Attribute existing = a.attributeByName(name);
        if (existing != null) {
            return existing;
        }
        Account.Attribute created = new Account.Attribute(UUID.randomUUID().toString(), name, "string", false);
        a.attributes.put(created.id(), created);
        return created;
    }

    /**
     * Like posting an enter / loss / move document in the UI: changes one warehouse's stock and
     * reserve by the deltas, then the stock webhook announces it after the gathering delay.
     */
    public StockLevel moveStock(String accountId, String assortmentId, String storeId, double stockDelta,
            double reserveDelta) {
        Account a = account(accountId);
        StockLevel result;
        boolean schedule;
        synchronized (a) {
            if (!a.isAssortment(assortmentId)) {
                throw new IllegalArgumentException("no product without variants or variant " + assortmentId);
            }
            if (!a.stores.containsKey(storeId)) {
                throw new IllegalArgumentException("no store " + storeId);
            }
            schedule = changeLevel(a, assortmentId, storeId, stockDelta, reserveDelta);
            Account.Level l = a.level(assortmentId, storeId);
            result = new StockLevel(l.stock, l.reserve, l.inTransit);
        }
        if (schedule) {
            scheduleStockWebhook(a);
        }
        return result;
    }

    /**
     * Inside the account's monitor: changes one level (a null store is reserve not tied to a store)
     * and notes it for the stock webhook; true when the caller must {@link #scheduleStockWebhook}.
     */
    boolean changeLevel(Account a, String assortmentId, String storeId, double stockDelta, double reserveDelta) {
        Instant now = options.clock().instant();
        Account.Level l = a.level(assortmentId, storeId);
        l.stock += stockDelta;
        l.reserve += reserveDelta;
        l.changed = now;
        boolean schedule = a.stockChangedSince == null;
        if (schedule) {
            a.stockChangedSince = now;
        }
        return schedule;
    }

    /** Outside the monitor: the stock webhook goes out after the gathering delay. */
    void scheduleStockWebhook(Account a) {
        vertx.setTimer(Math.max(1, options.stockWebhookDelay().toMillis()), t -> sendStockWebhooks(a));
    }

    public StockLevel stock(String accountId, String assortmentId, String storeId) {
        Account a = account(accountId);
        synchronized (a) {
            Account.Level l = a.levels.getOrDefault(assortmentId, Map.of()).get(storeId);
            return l == null ? new StockLevel(0, 0, 0) : new StockLevel(l.stock, l.reserve, l.inTransit);
        }
    }

    /** Value of a product custom field, by attribute name; null when unset. */
    public Object productAttribute(String accountId, String productId, String attributeName) {
        Account a = account(accountId);
        synchronized (a) {
            Account.Attribute attr = a.attributeByName(attributeName);
            Account.Product p = a.products.get(productId);
            return attr == null || p == null ? null : p.attributes.get(attr.id());
        }
    }

    /** A product custom field created by the account's admin, as {@code POST /entity/product/metadata/attributes}; returns its id. */
    public String createProductAttribute(String accountId, String name, String type) {
        Account a = account(accountId);
        synchronized (a) {
            if (a.attributeByName(name) != null) {
                throw new IllegalArgumentException("attribute " + name + " exists");
            }
            Account.Attribute attr = new Account.Attribute(UUID.randomUUID().toString(), name, type, false);
            a.attributes.put(attr.id(), attr);
            return attr.id();
        }
    }

    /** A product as the web UI shows it (CA4): price in kopecks, folder path, image file names. */
    public record CatalogProduct(String id, String name, String article, String description, double price,
            String folderPath, List<String> images, Map<String, Double> pricesByType) {
    }

    /** Every product of the account, in creation order. */
    public List<CatalogProduct> catalog(String accountId) {
        Account a = account(accountId);
        synchronized (a) {
            return a.products.values().stream().map(p -> new CatalogProduct(p.id, p.name, p.article, p.description,
                    a.defaultPrice(p), p.folderId == null ? null : CatalogApi.path(a, a.folders.get(p.folderId)),
                    p.images.stream().map(Account.Image::filename).toList(), pricesByName(a, p.prices))).toList();
        }
    }

    private static Map<String, Double> pricesByName(Account a, Map<String, Double> prices) {
        Map<String, Double> named = new java.util.LinkedHashMap<>();
        a.priceTypes.forEach(t -> named.put(t.name(), prices.getOrDefault(t.id(), 0.0)));
        return named;
    }

    /** A variant as the web UI shows it: its SKU fields, characteristics and own prices by price type name. */
    public record CatalogVariant(String id, String productId, String name, String article, String code,
            Map<String, String> characteristics, Map<String, Double> ownPrices) {
    }

    public List<CatalogVariant> variants(String accountId) {
        Account a = account(accountId);
        synchronized (a) {
            return a.variants.values().stream().map(v -> {
                Map<String, Double> own = new java.util.LinkedHashMap<>();
                a.priceTypes.stream().filter(t -> v.prices.containsKey(t.id())).forEach(t -> own.put(t.name(), v.prices.get(t.id())));
                return new CatalogVariant(v.id, v.productId, v.name, v.article, v.code, Map.copyOf(v.characteristics), own);
            }).toList();
        }
    }

    /** A customer order as the web UI shows it: its buyer, store, state and positions. */
    public record CustomerOrderView(String id, String name, String externalCode, String agentId, String storeId,
            String state, String stateType, boolean applicable, List<PositionView> positions) {
    }

    /** @param price in kopecks */
    public record PositionView(String assortmentId, double quantity, double reserve, double price) {
    }

    public record CounterpartyView(String id, String name, String email, String phone) {
    }

    /** Every customer order of the account, in creation order. */
    public List<CustomerOrderView> customerOrders(String accountId) {
        Account a = account(accountId);
        synchronized (a) {
            return a.customerOrders.values().stream().map(o -> {
                Account.State state = o.stateId == null ? null : a.orderStates.get(o.stateId);
                return new CustomerOrderView(o.id, o.name, o.externalCode, o.agentId, o.storeId,
                        state == null ? null : state.name(), state == null ? null : state.stateType(), o.applicable,
                        o.positions.stream().map(p -> new PositionView(p.assortmentId, p.quantity, p.reserve, p.price))
                                .toList());
            }).toList();
        }
    }

    public List<CounterpartyView> counterparties(String accountId) {
        Account a = account(accountId);
        synchronized (a) {
            return a.counterparties.values().stream().map(c -> new CounterpartyView(c.id, c.name, c.email, c.phone))
                    .toList();
        }
    }

    // ---- webhooks ----

    /** Registers a stock webhook as {@code POST /entity/webhookstock} would; returns its id. */
    public String registerStockWebhook(String accountId, String url, String reportType, String stockType) {
        Account a = account(accountId);
        synchronized (a) {
            Account.StockHook hook = new Account.StockHook(UUID.randomUUID().toString(), url, true, reportType, stockType);
            a.stockHooks.put(hook.id(), hook);
            return hook.id();
        }
    }

    /** Every delivery attempt of this account, oldest first. */
    public List<WebhookDispatcher.Attempt> webhookAttempts(String accountId) {
        return account(accountId).dispatcher.attempts();
    }

    private void sendStockWebhooks(Account a) {
        Instant since;
        List<Account.StockHook> hooks;
        synchronized (a) {
            since = a.stockChangedSince;
            a.stockChangedSince = null;
            hooks = a.stockHooks.values().stream().filter(Account.StockHook::enabled).toList();
        }
        for (Account.StockHook hook : hooks) {
            JsonObject body = new JsonObject().put("accountId", a.id).put("stockType", hook.stockType())
                    .put("reportType", hook.reportType())
                    .put("reportUrl", base() + Api.PREFIX + "/report/stock/" + hook.reportType() + "/current?changedSince="
                            + INPUT.format(LocalDateTime.ofInstant(since, MOSCOW)));
            deliver(a, hook.url(), body);
        }
    }

    /** POST {@code url?requestId=<uuid>}: retries reuse the same URL and so the same requestId. */
    void deliver(Account a, String url, JsonObject body) {
        String target = url + (url.contains("?") ? "&" : "?") + "requestId=" + UUID.randomUUID();
        a.dispatcher.deliver(target, MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
                body.encode());
    }

    // ---- fault injection ----

    /** From now on a {@code fraction} (0..1) of this account's API calls answer {@code status}. */
    public void setFaults(String accountId, double fraction, int status) {
        if (status != 500 && status != 502 && status != 503 && status != 429) {
            throw new IllegalArgumentException("fault status must be 429, 500, 502 or 503");
        }
        Account a = account(accountId);
        synchronized (a) {
            a.faultFraction = Math.max(0, Math.min(1, fraction));
            a.faultStatus = status;
        }
    }

    // ---- internals shared with Api and Admin ----

    /** Signs temporary download links with a key of this simulator. */
    String sign(String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(downloadKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image of any account, by id: temporary links carry no account. */
    Account.Image image(String imageId) {
        for (Account a : accounts.values()) {
            synchronized (a) {
                Account.Image image = a.image(imageId);
                if (image != null) {
                    return image;
                }
            }
        }
        return null;
    }

    Account account(String accountId) {
        Account a = accounts.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return a;
    }

    Account byToken(String token) {
        return byToken.get(token);
    }

    Account byLogin(String login, String password) {
        Account a = byLogin.get(login);
        return a != null && a.password.equals(password) ? a : null;
    }

    Instant now() {
        return options.clock().instant();
    }

    /** Scheme, host and mount prefix, without {@code /api/remap/1.2}. */
    String base(RoutingContext rc) {
        if (options.publicBaseUrl() != null) {
            return options.publicBaseUrl();
        }
        var authority = rc.request().authority();
        String mount = rc.mountPoint() == null ? "" : rc.mountPoint().replaceAll("/$", "");
        String base = (rc.request().isSSL() ? "https://" : "http://")
                + (authority == null ? "localhost" : authority.toString()) + mount;
        lastBase = base;
        return base;
    }

    private String base() {
        if (options.publicBaseUrl() != null) {
            return options.publicBaseUrl();
        }
        return lastBase == null ? "http://localhost" : lastBase;
    }

    static String moscow(Instant instant) {
        return OUTPUT.format(LocalDateTime.ofInstant(instant, MOSCOW));
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}

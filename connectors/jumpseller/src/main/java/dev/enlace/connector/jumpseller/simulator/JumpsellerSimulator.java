package dev.enlace.connector.jumpseller.simulator;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ApiCounters;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.CatalogSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.HookAttempt;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.HookState;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.NewStore;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.OrderRequest;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ProductSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.SeedResult;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Shipment;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.StockLevel;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.StoreCredentials;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateful simulator of the Jumpseller API v1 hosting several stores: the REST API under
 * {@code /v1} (auth, envelopes, pagination, rate limits, errors and signed webhooks as
 * documented in {@code shared/connectors/jumpseller.md}) and an admin side under {@code /_sim}
 * for what merchants and shoppers do in the real store. Every admin route has a Java twin here.
 */
public final class JumpsellerSimulator implements AutoCloseable {

    /**
     * @param perSecondLimit      requests per second per store (Jumpseller: 20)
     * @param perMinuteLimit      requests per minute per store (Jumpseller: 800)
     * @param banThreshold        limit hits (429s) that trigger a temporary ban (Jumpseller: 2000)
     * @param banLength           how long a ban lasts (undocumented)
     * @param webhookTimeout      time a receiver has to answer (Jumpseller: 15 s)
     * @param webhookTimeScale    factor applied to the N^4-minute retry back-off (1.0 = real time)
     * @param hookPauseAfter      consecutive failed deliveries after which a hook is paused (Jumpseller: 8)
     * @param publicBaseUrl       where clients reach this simulator, e.g. {@code http://localhost:8089}; may be null
     * @param clock               time source for dates, rate windows and bans
     */
    public record Options(int perSecondLimit, int perMinuteLimit, int banThreshold, Duration banLength,
            Duration webhookTimeout, double webhookTimeScale, int hookPauseAfter, String publicBaseUrl, Clock clock) {

        public static Options defaults() {
            return new Options(20, 800, 2000, Duration.ofMinutes(10), Duration.ofSeconds(15), 1.0, 8, null,
                    Clock.systemUTC());
        }

        public Options withLimits(int perSecond, int perMinute) {
            return new Options(perSecond, perMinute, banThreshold, banLength, webhookTimeout, webhookTimeScale,
                    hookPauseAfter, publicBaseUrl, clock);
        }

        public Options withBan(int threshold, Duration length) {
            return new Options(perSecondLimit, perMinuteLimit, threshold, length, webhookTimeout, webhookTimeScale,
                    hookPauseAfter, publicBaseUrl, clock);
        }

        public Options withWebhooks(Duration timeout, double timeScale, int pauseAfter) {
            return new Options(perSecondLimit, perMinuteLimit, banThreshold, banLength, timeout, timeScale,
                    pauseAfter, publicBaseUrl, clock);
        }

        public Options withPublicBaseUrl(String url) {
            return new Options(perSecondLimit, perMinuteLimit, banThreshold, banLength, webhookTimeout,
                    webhookTimeScale, hookPauseAfter, url, clock);
        }

        public Options withClock(Clock value) {
            return new Options(perSecondLimit, perMinuteLimit, banThreshold, banLength, webhookTimeout,
                    webhookTimeScale, hookPauseAfter, publicBaseUrl, value);
        }
    }

    /** One hook delivery decided under the store lock and sent after it is released. */
    record Delivery(Hook hook, String url, Store.Event event) {
    }

    private static final int MAX_RETRIES = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    final Vertx vertx;
    final Options options;
    final Ids productIds = new Ids(1_000_001);
    final Ids objectIds = new Ids(80_000_001);
    private final Map<String, Store> storesByCode = new ConcurrentHashMap<>();
    private final Map<String, Store> storesByLogin = new ConcurrentHashMap<>();
    private final Map<String, Store> storesByOauthToken = new ConcurrentHashMap<>();
    private final Commerce commerce = new Commerce(this);

    public JumpsellerSimulator(Vertx vertx, Options options) {
        this.vertx = vertx;
        this.options = options;
    }

    /** The API under {@code /v1} and the admin side under {@code /_sim}, ready to serve or mount. */
    public Router router() {
        Router router = Router.router(vertx);
        new ApiRoutes(this, commerce).mount(router);
        new AdminRoutes(this).mount(router);
        return router;
    }

    // --- stores ---

    public StoreCredentials createStore(NewStore spec) {
        NewStore s = spec == null ? NewStore.defaults() : spec;
        String code = s.code() != null && !s.code().isBlank() ? s.code() : "store-" + hex(4);
        if (!code.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Store code must be lowercase letters, digits and dashes: " + code);
        }
        String login = s.login() != null ? s.login() : hex(16);
        Store store = new Store(s, code, login, s.authtoken() != null ? s.authtoken() : hex(16),
                s.hooksToken() != null ? s.hooksToken() : hex(16), hex(16), options, objectIds);
        synchronized (storesByCode) {
            if (storesByCode.containsKey(code)) {
                throw new IllegalStateException("Store already exists: " + code);
            }
            if (storesByLogin.containsKey(login)) {
                throw new IllegalStateException("Login already in use: " + login);
            }
            storesByCode.put(code, store);
            storesByLogin.put(login, store);
            storesByOauthToken.put(store.oauthToken, store);
        }
        return credentials(store);
    }

    public StoreCredentials credentials(String code) {
        return credentials(store(code));
    }

    public List<String> storeCodes() {
        return storesByCode.keySet().stream().sorted().toList();
    }

    /** Drops every store (and stops their hooks' pending retries). */
    public void reset() {
        synchronized (storesByCode) {
            storesByCode.values().forEach(JumpsellerSimulator::closeHooks);
            storesByCode.clear();
            storesByLogin.clear();
            storesByOauthToken.clear();
        }
    }

    // --- catalogue (merchant side: no hooks fire, as for data that already existed) ---

    public SeedResult seedProducts(String code, List<ProductSeed> seeds) {
        return commerce.seed(store(code), seeds);
    }

    public SeedResult seedCatalog(String code, CatalogSeed seed) {
        return commerce.seed(store(code), seed);
    }

    public StockLevel stock(String code, String sku) {
        Store store = store(code);
        synchronized (store) {
            return commerce.stockLevel(store, sku);
        }
    }

    /** A merchant edits stock in the admin panel: fires {@code product_updated} and {@code product_stock_updated}. */
    public StockLevel setStock(String code, String sku, int stock) {
        return mutate(store(code), store -> commerce.setStock(store, sku, stock));
    }

    /** A merchant opens another stock location; returns its id. Every store starts with one main location. */
    public long addLocation(String code, String name) {
        return mutate(store(code), store -> store.addLocation(name, false));
    }

    public long mainLocationId(String code) {
        return store(code).mainLocationId;
    }

    // --- shopper and merchant actions on orders ---

    /** A shopper checks out: the order starts as pending payment ({@code order_pending_payment}, {@code order_updated}). */
    public long placeOrder(String code, OrderRequest request) {
        return mutate(store(code), store -> commerce.placeOrder(store, request));
    }

    /** The payment is confirmed: stock is taken ({@code product_stock_updated}), then {@code order_paid}, {@code order_updated}. */
    public void payOrder(String code, long orderId) {
        mutate(store(code), store -> commerce.transition(store, orderId, "paid", "pending_payment", "abandoned"));
    }

    /** The merchant cancels: a paid order's stock comes back; {@code order_canceled}, {@code order_updated}. */
    public void cancelOrder(String code, long orderId) {
        mutate(store(code), store -> commerce.transition(store, orderId, "canceled", "pending_payment", "paid"));
    }

    /** The checkout is abandoned: {@code order_abandoned}, {@code order_updated}. */
    public void abandonOrder(String code, long orderId) {
        mutate(store(code), store -> commerce.transition(store, orderId, "abandoned", "pending_payment"));
    }

    /** The merchant ships a paid order: shipment in transit; {@code order_shipped}, {@code order_updated}. */
    public void shipOrder(String code, long orderId, Shipment shipment) {
        mutate(store(code), store -> commerce.ship(store, orderId, shipment));
    }

    // --- inspection and fault injection ---

    public List<HookAttempt> hookAttempts(String code) {
        Store store = store(code);
        List<Hook> hooks;
        synchronized (store) {
            hooks = new ArrayList<>(store.hooks.values());
            hooks.addAll(store.retiredHooks);
        }
        List<HookAttempt> out = new ArrayList<>();
        for (Hook h : hooks) {
            for (WebhookDispatcher.Attempt a : h.dispatcher.attempts()) {
                out.add(new HookAttempt(h.id, h.event, a.url(), a.attempt(), a.status(), a.error(), a.at(), a.body()));
            }
        }
        out.sort(Comparator.comparing(HookAttempt::at));
        return out;
    }

    public List<HookState> hookStates(String code) {
        Store store = store(code);
        synchronized (store) {
            return store.hooks.values().stream()
                    .map(h -> new HookState(h.id, h.event, h.url, h.consecutiveFailures, h.paused))
                    .toList();
        }
    }

    /** Makes this fraction (0..1) of the store's authenticated API calls answer 500. */
    public void setFaultRate(String code, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("Fault rate must be between 0 and 1");
        }
        store(code).faultRate = fraction;
    }

    public ApiCounters counters(String code) {
        Store s = store(code);
        return new ApiCounters(s.apiCalls.get(), s.rateLimited.get(), s.faults.get());
    }

    public void resetCounters(String code) {
        Store s = store(code);
        s.apiCalls.set(0);
        s.rateLimited.set(0);
        s.faults.set(0);
    }

    @Override
    public void close() {
        reset();
    }

    // --- package internals ---

    Store store(String code) {
        Store s = storesByCode.get(code);
        if (s == null) {
            throw new IllegalArgumentException("Unknown store: " + code);
        }
        return s;
    }

    Store storeByLogin(String login) {
        return login == null ? null : storesByLogin.get(login);
    }

    Store storeByOauthToken(String token) {
        return token == null ? null : storesByOauthToken.get(token);
    }

    WebhookDispatcher newDispatcher() {
        return new WebhookDispatcher(vertx, options.webhookTimeout(), MAX_RETRIES,
                n -> Duration.ofMinutes((long) Math.pow(n, 4)), options.webhookTimeScale());
    }

    /** Runs a change under the store lock, then delivers the hook events it produced. */
    <T> T mutate(Store store, Function<Store, T> change) {
        T result;
        List<Delivery> deliveries = new ArrayList<>();
        synchronized (store) {
            try {
                result = change.apply(store);
            } catch (RuntimeException e) {
                store.drainOutbox(); // a rejected change fires nothing
                throw e;
            }
            for (Store.Event e : store.drainOutbox()) {
                for (Hook h : store.hooks.values()) {
                    if (h.event.equals(e.name()) && !h.paused) {
                        deliveries.add(new Delivery(h, h.url, e));
                    }
                }
            }
        }
        deliveries.forEach(d -> send(store, d));
        return result;
    }

    <T> T read(Store store, Supplier<T> query) {
        synchronized (store) {
            return query.get();
        }
    }

    private void send(Store store, Delivery d) {
        String body = d.event().body();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("Jumpseller-Event", d.event().name())
                .add("Jumpseller-Store-Code", store.code)
                .add("Jumpseller-Hmac-Sha256", sign(store.hooksToken, body))
                .add("Jumpseller-Triggered-At", Json.triggeredAt(d.event().triggeredAt()));
        d.hook().dispatcher.deliver(d.url(), headers, body).onComplete(ar -> {
            boolean delivered = ar.succeeded() && ar.result().delivered();
            synchronized (store) {
                Hook h = d.hook();
                if (delivered) {
                    h.consecutiveFailures = 0;
                } else if (++h.consecutiveFailures >= options.hookPauseAfter()) {
                    h.paused = true;
                }
            }
        });
    }

    /** base64(HMAC-SHA256(key = hooks token, message = raw body bytes)), the Jumpseller-Hmac-Sha256 header. */
    static String sign(String hooksToken, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hooksToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoreCredentials credentials(Store s) {
        String api = options.publicBaseUrl() == null ? null : options.publicBaseUrl().replaceAll("/$", "") + "/v1";
        return new StoreCredentials(s.code, s.login, s.authtoken, s.hooksToken, s.oauthToken, api);
    }

    private static void closeHooks(Store store) {
        synchronized (store) {
            store.hooks.values().forEach(h -> h.dispatcher.close());
            store.retiredHooks.forEach(h -> h.dispatcher.close());
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

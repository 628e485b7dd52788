package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.RateWindow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One simulated store. All catalogue, order, customer and hook state is guarded by the store's
 * own monitor; rate-limit bookkeeping has a separate lock so throttling never waits on a write.
 */
final class Store {
    /** A hook event produced under the store lock and delivered once the lock is released. */
    record Event(String name, String body, Instant triggeredAt) {
    }

    /** The rate limiter's verdict for one request, with the values of its response headers. */
    record Admission(boolean allowed, int perSecondRemaining, int perMinuteRemaining, Instant bannedUntil) {
    }

    final String code;
    final String login;
    final String authtoken;
    final String hooksToken;
    final String oauthToken;
    final String name;
    final String currency;
    final String country;
    final String timezone;
    final String language;
    final String email;
    final double taxRate;
    final boolean taxesIncluded;
    final Ids ids;

    final TreeMap<Long, Product> products = new TreeMap<>();
    final Map<Long, Variant> variants = new HashMap<>();
    /** Sellable SKU (variant, or product without variants) to its object, for admin lookups by SKU. */
    private final Map<String, Object> skuIndex = new HashMap<>();
    final TreeMap<Long, Order> orders = new TreeMap<>();
    final TreeMap<Long, Customer> customers = new TreeMap<>();
    final TreeMap<Long, Hook> hooks = new TreeMap<>();
    /** Deleted hooks stay here so their delivery attempts remain inspectable. */
    final List<Hook> retiredHooks = new ArrayList<>();
    final List<ObjectNode> fulfillments = new ArrayList<>();
    /** Stock locations by id; the first one is the main location every store starts with. */
    final Map<Long, ObjectNode> locations = new LinkedHashMap<>();
    final long mainLocationId;
    long nextOrderId = 1001;
    private final List<Event> outbox = new ArrayList<>();

    private final Object rateLock = new Object();
    private final RateWindow perSecond;
    private final RateWindow perMinute;
    private final int banThreshold;
    private final Duration banLength;
    private final Clock clock;
    private int limitHits;
    private Instant bannedUntil;

    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong faults = new AtomicLong();
    volatile double faultRate;

    Store(JumpsellerAdmin.NewStore spec, String code, String login, String authtoken, String hooksToken,
            String oauthToken, JumpsellerSimulator.Options options, Ids ids) {
        this.code = code;
        this.login = login;
        this.authtoken = authtoken;
        this.hooksToken = hooksToken;
        this.oauthToken = oauthToken;
        this.name = or(spec.name(), code);
        this.currency = or(spec.currency(), "CLP");
        this.country = or(spec.country(), "CL");
        this.timezone = or(spec.timezone(), "America/Santiago");
        this.language = or(spec.language(), "es");
        this.email = or(spec.email(), "admin@" + code + ".example");
        this.taxRate = spec.taxRate() != null ? spec.taxRate() : 19.0;
        this.taxesIncluded = spec.taxesIncluded() == null || spec.taxesIncluded();
        this.ids = ids;
        this.clock = options.clock();
        this.perSecond = new RateWindow(options.perSecondLimit(), 1_000, clock);
        this.perMinute = new RateWindow(options.perMinuteLimit(), 60_000, clock);
        this.banThreshold = options.banThreshold();
        this.banLength = options.banLength();
        this.mainLocationId = addLocation("Bodega principal", true);
    }

    long addLocation(String locationName, boolean main) {
        long id = ids.next();
        ObjectNode l = Json.object();
        l.put("id", id);
        l.put("name", locationName);
        l.put("email", email);
        l.put("active", true);
        l.put("main", main);
        l.put("pickup_point", false);
        l.put("is_stock_origin", true);
        l.putNull("location_address");
        locations.put(id, l);
        return id;
    }

    Instant now() {
        return clock.instant();
    }

    /** Counts one authenticated request against both windows; a refusal counts as a limit hit. */
    Admission admit() {
        synchronized (rateLock) {
            Instant now = clock.instant();
            if (bannedUntil != null && now.isBefore(bannedUntil)) {
                return new Admission(false, perSecond.remaining(), perMinute.remaining(), bannedUntil);
            }
            bannedUntil = null;
            if (perSecond.remaining() == 0 || perMinute.remaining() == 0) {
                if (++limitHits >= banThreshold) {
                    limitHits = 0;
                    bannedUntil = now.plus(banLength);
                }
                return new Admission(false, perSecond.remaining(), perMinute.remaining(), bannedUntil);
            }
            perSecond.tryAcquire();
            perMinute.tryAcquire();
            return new Admission(true, perSecond.remaining(), perMinute.remaining(), null);
        }
    }

    int perSecondLimit() {
        return perSecond.limit();
    }

    int perMinuteLimit() {
        return perMinute.limit();
    }

    // --- lookups (callers hold the store lock) ---

    Product product(long id) {
        Product p = products.get(id);
        if (p == null) {
            throw ApiException.notFound("Product");
        }
        return p;
    }

    Order order(long id) {
        Order o = orders.get(id);
        if (o == null) {
            throw ApiException.notFound("Order");
        }
        return o;
    }

    Customer customer(long id) {
        Customer c = customers.get(id);
        if (c == null) {
            throw ApiException.notFound("Customer");
        }
        return c;
    }

    Hook hook(long id) {
        Hook h = hooks.get(id);
        if (h == null) {
            throw ApiException.notFound("Hook");
        }
        return h;
    }

    Customer customerByEmail(String email) {
        for (Customer c : customers.values()) {
            if (c.email != null && c.email.equalsIgnoreCase(email)) {
                return c;
            }
        }
        return null;
    }

    /** The variant or variant-less product selling a SKU; null when no SKU matches. */
    Object sellableBySku(String sku) {
        return skuIndex.get(sku);
    }

    /** Drops a product's SKUs from the index; call before changing SKUs or variants, then {@link #index}. */
    void unindex(Product p) {
        if (p.sku != null) {
            skuIndex.remove(p.sku, p);
        }
        for (Variant v : p.variants) {
            if (v.sku != null) {
                skuIndex.remove(v.sku, v);
            }
        }
    }

    void index(Product p) {
        if (!p.hasVariants() && p.sku != null) {
            skuIndex.put(p.sku, p);
        }
        for (Variant v : p.variants) {
            if (v.sku != null) {
                skuIndex.put(v.sku, v);
            }
        }
    }

    // --- hook events (callers hold the store lock) ---

    /** Queues an event; the body is rendered now (a snapshot) but only if an active hook listens to it. */
    void emit(String event, String root, Supplier<ObjectNode> resource) {
        for (Hook h : hooks.values()) {
            if (h.event.equals(event) && !h.paused) {
                outbox.add(new Event(event, Json.write(Json.wrap(root, resource.get())), now()));
                return;
            }
        }
    }

    List<Event> drainOutbox() {
        List<Event> events = List.copyOf(outbox);
        outbox.clear();
        return events;
    }

    ObjectNode infoJson() {
        ObjectNode n = Json.object();
        n.put("name", name);
        n.put("code", code);
        n.put("currency", currency);
        n.put("country", country);
        n.put("timezone", timezone);
        n.put("email", email);
        n.put("hooks_token", hooksToken);
        n.put("url", "https://" + code + ".jumpseller.com");
        n.putNull("logo");
        n.put("weight_unit", "kg");
        n.put("subscription_status", "active");
        n.put("subscription_plan", "plus");
        n.putNull("fb_pixel_id");
        n.putNull("address");
        n.putNull("whatsapp_phone");
        return n;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

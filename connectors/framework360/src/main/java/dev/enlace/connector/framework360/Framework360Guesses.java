package dev.enlace.connector.framework360;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything about Framework360 that its public material does not say (framework360-smarty.md §A), in one place:
 * the client, the simulator, the webhook source and the mapping all read these, and the README's "Guesses" section
 * lists each one. Framework360 publishes no product or stock endpoint, no webhook payload and no signature: those
 * are modelled on the seed (products and stock arrive from the ERP on a schedule; orders leave in real time).
 */
public final class Framework360Guesses {
    private Framework360Guesses() {
    }

    // ---- transport ----
    /** Undocumented rate limit: a plausible 100 requests per minute per API key; past it 429 + Retry-After. */
    public static final int RATE_LIMIT_PER_MINUTE = 100;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** Errors: {@code {"error":"<message>"}}; 401 for a wrong key, 400 invalid input, 404 unknown id or path. */
    public static final String ERROR_FIELD = "error";
    /** {@code page} counts from 1; {@code limit} defaults to 20, at most 100; a short page is the last. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** {@code orders/get} takes the order id as {@code id} (the catalogue names no parameter). */
    public static final String ORDER_ID_PARAM = "id";

    // ---- products and stock (no public endpoint at all) ----
    /** {@code GET products/list?page&limit}: products with {@code id, sku, nome, prezzo, giacenza, varianti[]}. */
    public static final String PRODUCTS_LIST = "products/list";
    /** {@code POST products/updateStock} {@code {"id", "variante"?, "giacenza"}}: sets the stock of a product or variant. */
    public static final String PRODUCTS_UPDATE_STOCK = "products/updateStock";
    /** An unlimited product has {@code giacenza: null}. */
    public static final boolean NULL_STOCK_IS_UNLIMITED = true;
    /** {@code GET products/get?id=}: one product shaped as in the list (like the catalogued {@code orders/get}). */
    public static final String PRODUCTS_GET = "products/get";
    public static final String PRODUCT_ID_PARAM = "id";
    /**
     * {@code POST products/create} {@code {sku?, nome, descrizione?, prezzo, ean?, categorie[], immagini[], attivo,
     * giacenza?, varianti[{sku, nome, prezzo?, ean?, giacenza?}]}}: answers the product with its and its variants' ids.
     */
    public static final String PRODUCTS_CREATE = "products/create";
    /**
     * {@code POST products/update} {@code {id, ...}}: only the fields sent change (writes are verb paths with the id
     * in the body, like {@code customers/update}).
     */
    public static final String PRODUCTS_UPDATE = "products/update";
    /** In {@code products/update}, a variant with {@code id} is updated, one without is added; unlisted ones stay. */
    public static final boolean UNLISTED_VARIANTS_KEPT = true;
    /** {@code giacenza} is written only by {@code products/updateStock}; {@code products/update} ignores it. */
    public static final boolean UPDATE_LEAVES_STOCK = true;
    /** A product or variant created without {@code giacenza} starts with none (0), not unlimited. */
    public static final long NEW_STOCK = 0;
    /** {@code attivo: false} hides a product from the shop; new products are active unless told otherwise. */
    public static final String ACTIVE_FIELD = "attivo";
    /** {@code categorie} are category names; a name the site does not have yet is created. */
    public static final String CATEGORIES_FIELD = "categorie";
    /** {@code immagini} is the list of image URLs; sending it replaces the product's images, the URLs kept as given. */
    public static final String IMAGES_FIELD = "immagini";
    /** A variant's {@code nome} holds its option values joined by this (there is no separate option list). */
    public static final String VARIANT_NAME_SEPARATOR = " / ";
    /** A SKU already on another product or variant of the site is refused with 400. */
    public static final boolean SKU_UNIQUE_PER_SITE = true;

    // ---- orders ----
    /** Orders carry {@code status} (a site status id) and {@code status_name}; sites define both. */
    public static final String STATUS_NAME_FIELD = "status_name";
    /** The statuses a new site starts with (id, name); {@code orders/statuses} lists the site's own. */
    public static final Map<Integer, String> DEFAULT_STATUSES = Map.of(1, "In attesa di pagamento", 2, "Pagato",
            3, "In lavorazione", 4, "Spedito", 5, "Completato", 6, "Annullato");
    /** Status names read as milestones, compared lower-cased by prefix ("Spedito", "spedita" both shipped). */
    public static final List<String> PAID_NAMES = List.of("pagat", "in lavorazione", "complet");
    public static final List<String> SHIPPED_NAMES = List.of("spedit", "consegnat", "complet");
    public static final List<String> CANCELLED_NAMES = List.of("annullat", "cancellat", "rimborsat");
    /** A payment method is cash on delivery when its {@code contrassegno} flag is set or its name says so. */
    public static final List<String> CASH_ON_DELIVERY_NAMES = List.of("contrassegno", "cash on delivery", "contra reembolso");
    public static final String CURRENCY = "EUR";
    /** Order dates ({@code created_at}, {@code updated_at}): Italian local time, {@code yyyy-MM-dd HH:mm:ss}. */
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    /** Cart prices include VAT (Italian B2C shops show gross prices). */
    public static final boolean PRICES_INCLUDE_TAX = true;

    // ---- webhooks (payload and signature undocumented) ----
    /** The order events a webhook can be created for with {@code webhooks/create {event, url}}. */
    public static final Set<String> ORDER_EVENTS = Set.of("order.created", "order.updated");
    /** {@code webhooks/create} with an event and URL already registered returns that webhook ({@code created: false}). */
    public static final boolean CREATE_IS_IDEMPOTENT = true;
    /** Event name header; body {@code {"event", "data": {"id", "status", "updated_at"}}} (thin: the order is read back). */
    public static final String EVENT_HEADER = "X-Fw360-Event";
    /** {@code sha256=<hex HMAC-SHA256(API key, raw body)>}: the site's API key is the only shared secret known. */
    public static final String SIGNATURE_HEADER = "X-Fw360-Signature";
    public static final String SIGNATURE_PREFIX = "sha256=";
    /** Delivery: 10 s timeout, 3 retries 1, 4, 9 minutes after a failure. */
    public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    public static final int WEBHOOK_RETRIES = 3;

    public static Duration webhookBackoff(int retry) {
        return Duration.ofMinutes((long) retry * retry);
    }

    public static boolean named(String name, List<String> prefixes) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(n::contains);
    }
}

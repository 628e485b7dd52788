package dev.enlace.connector.smarty;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything about Gestionale Smarty that its public material does not say (framework360-smarty.md §B), in one
 * place: the client, the simulator and the mapping all read these, and the README's "Guesses" section lists
 * each one. Change a value here when the real API is known.
 */
public final class SmartyGuesses {
    private SmartyGuesses() {
    }

    /** Undocumented rate limit: a plausible 120 requests per minute per API key. */
    public static final int RATE_LIMIT_PER_MINUTE = 120;
    /** Past the limit: 429 with {@code Retry-After} in seconds (the usual HTTP convention). */
    public static final int RATE_LIMITED_STATUS = 429;
    /** Error bodies: {@code {"error":"<message>"}} (one public client fails on any body containing "error"). */
    public static final String ERROR_FIELD = "error";
    /** Wrong or missing ApiKey answers 401. */
    public static final int BAD_KEY_STATUS = 401;
    /** Page size when {@code limit} is absent (public clients always send 50) and the largest accepted. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** A product of the list carries its variations in this array (no {@code Variations/list} is documented). */
    public static final String VARIATIONS_FIELD = "variations";
    /** {@code last_update}, {@code created} and the {@code *_from} filters are local times (no zone) in Italy. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    /**
     * How much earlier than asked an incremental pull starts: {@code last_update} is to the second, and Smarty's
     * clock and the moment it stamps a change (save or commit) may differ from Enlace's by more than that. The ERP
     * connection's property {@code changedSinceOverlap} overrides it.
     */
    public static final Duration CHANGED_SINCE_OVERLAP = Duration.ofMinutes(2);
    /** A variation's change counts as its product's update for {@code last_update_from}. */
    public static final boolean VARIATION_TOUCHES_PRODUCT = true;
    /** {@code Products/post} with the SKU of an existing product updates it (the doc says "create/update"). */
    public static final boolean PRODUCT_POST_UPSERTS_BY_SKU = true;
    /** A sales order takes its rows' quantities off stock (matched by SKU), which may go below zero. */
    public static final boolean SALES_ORDER_TAKES_STOCK = true;
    /** Rows whose SKU is not in the catalogue are kept as free lines (no stock moved, no tax_id). */
    public static final boolean UNKNOWN_SKU_ROWS_ALLOWED = true;
    /** {@code ship} only from "processing", {@code confirmShip} only once shipped; otherwise 400. */
    public static final boolean STRICT_SHIPPING_STATES = true;
    /** Prices are in euro (no currency field is documented). */
    public static final String CURRENCY = "EUR";
    /** {@code category} "Categoria 1, Sottocategoria 1" is one path, top level first. */
    public static final String CATEGORY_SEPARATOR = ",";
    /** How long a client waits after a 429 without {@code Retry-After}. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
}

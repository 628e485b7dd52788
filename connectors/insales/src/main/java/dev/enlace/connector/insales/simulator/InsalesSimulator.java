package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.insales.simulator.InsalesAdmin.Counters;
import dev.enlace.connector.insales.simulator.InsalesAdmin.NewShop;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderLineRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ProductSeed;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ShopCredentials;
import dev.enlace.connector.insales.simulator.InsalesAdmin.VariantSeed;
import dev.enlace.connector.insales.simulator.InsalesAdmin.VariantStock;
import dev.enlace.connector.insales.simulator.InsalesAdmin.WebhookDelivery;
import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful simulator of the inSales admin API hosting several shops, faithful to
 * {@code shared/connectors/insales.md}: JSON resources under {@code /shops/{shop}/admin} (each real
 * shop is its own host), HTTP Basic with the app identifier and the shop's password, wrapped
 * requests and unwrapped responses, page/per_page and updated_since/from_id listing, the
 * {@code API-Usage-Limit} header and 429 (or 503) with {@code Retry-After} past 500 calls in 5
 * minutes, {@code variants_group_update} with its 100-variant cap, and webhooks posting the raw
 * order (or an array of products) to registered addresses. The admin side is under {@code /_sim}.
 */
public final class InsalesSimulator implements AutoCloseable {

    /**
     * @param apiKey           the app identifier shared by every shop (the Basic login)
     * @param requestLimit     calls per window per shop (inSales: 500)
     * @param window           the rate window (inSales: 5 minutes)
     * @param limitStatus      status of a throttled call: 429 since Feb 2023, 503 before
     * @param webhookTimeout   time a receiver has to answer
     * @param clock            time source for dates and the rate window
     */
    public record Options(String apiKey, int requestLimit, Duration window, int limitStatus, Duration webhookTimeout,
            Clock clock) {

        public static Options defaults() {
            return new Options("enlace-app", 500, Duration.ofMinutes(5), 429, Duration.ofSeconds(10), Clock.systemUTC());
        }

        public Options withLimit(int requests, Duration value) {
            return new Options(apiKey, requests, value, limitStatus, webhookTimeout, clock);
        }

        public Options withLimitStatus(int status) {
            return new Options(apiKey, requestLimit, window, status, webhookTimeout, clock);
        }

        public Options withClock(Clock value) {
            return new Options(apiKey, requestLimit, window, limitStatus, webhookTimeout, value);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    /** The system fulfillment statuses a merchant moves an order to, besides declining it. */
    static final java.util.Set<String> FULFILLMENT = java.util.Set.of("new", "accepted", "approved", "dispatched",
            "delivered", "returned");
    /** Moscow time, as inSales writes its dates. */
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.ofHours(3));
    private static final SecureRandom RANDOM = new SecureRandom();

    final Vertx vertx;
    final Options options;
    private final Map<String, Shop> shops = new ConcurrentHashMap<>();
    private final List<DeliveryLog> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong productIds = new AtomicLong(408_000_001);
    private final AtomicLong variantIds = new AtomicLong(680_000_001);
    private final AtomicLong orderIds = new AtomicLong(36_001);
    private final AtomicLong lineIds = new AtomicLong(94_001);
    private final AtomicLong clientIds = new AtomicLong(36_784);
    private final AtomicLong webhookIds = new AtomicLong(1_001);
    private final AtomicLong catalogIds = new AtomicLong(27_800_001);

    private record DeliveryLog(String shop, WebhookDelivery delivery) {
    }

    public InsalesSimulator(Vertx vertx, Options options) {
        this.vertx = vertx;
        this.options = options;
    }

    /** The API under {@code /shops/{shop}/admin} and the admin side under {@code /_sim}. */
    public Router router() {
        Router router = Router.router(vertx);
        new ApiRoutes(this).mount(router);
        new AdminRoutes(this).mount(router);
        return router;
    }

    // --- shops ---

    public ShopCredentials createShop(NewShop spec) {
        String name = spec != null && spec.name() != null ? spec.name() : "shop-" + hex(4);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a shop name is lowercase letters, digits and dashes: " + name);
        }
        String password = spec != null && spec.password() != null ? spec.password() : hex(16);
        Shop shop = new Shop(name, password,
                new RateWindow(options.requestLimit(), options.window().toMillis(), options.clock()),
                // inSales documents no retries: delivery "is not guaranteed"
                new WebhookDispatcher(vertx, options.webhookTimeout(), 0, n -> Duration.ZERO, 1.0));
        if (shops.putIfAbsent(name, shop) != null) {
            throw new IllegalStateException("shop already exists: " + name);
        }
        return credentials(shop);
    }

    public ShopCredentials credentials(String shop) {
        return credentials(shop(shop));
    }

    // --- catalogue (merchant side: seeding fires no webhooks, as for data that already existed) ---

    /** Adds products with their variants in one go; 100,000 variants take well under a second. */
    public List<SeededProduct> seed(String shopName, List<ProductSeed> seeds) {
        Shop shop = shop(shopName);
        Instant now = now();
        List<SeededProduct> result = new ArrayList<>(seeds.size());
        synchronized (shop) {
            for (ProductSeed seed : seeds) {
                Shop.Product p = new Shop.Product(productIds.getAndIncrement(), 1, seed.title(), now);
                List<Long> ids = new ArrayList<>(seed.variants().size());
                for (VariantSeed vs : seed.variants()) {
                    Shop.Variant v = new Shop.Variant(variantIds.getAndIncrement(), p, vs.sku(),
                            vs.price() == null ? BigDecimal.ZERO : vs.price(), vs.quantity(), now);
                    v.title = vs.title();
                    p.variants.add(v);
                    shop.variants.put(v.id, v);
                    ids.add(v.id);
                }
                shop.products.put(p.id, p);
                result.add(new SeededProduct(p.id, ids));
            }
        }
        return result;
    }

    public VariantStock stock(String shopName, long variantId) {
        Shop shop = shop(shopName);
        synchronized (shop) {
            Shop.Variant v = shop.variants.get(variantId);
            if (v == null) {
                throw new IllegalArgumentException("no variant " + variantId + " in shop " + shopName);
            }
            return new VariantStock(v.product.id, v.id, v.sku, v.quantity);
        }
    }

    // --- shopper and merchant actions on orders ---

    /** A shopper checks out: tracked stock goes down and {@code orders/create} fires. */
    public long placeOrder(String shopName, OrderRequest request) {
        Shop shop = shop(shopName);
        Shop.Order order;
        synchronized (shop) {
            List<Shop.Line> lines = new ArrayList<>();
            for (OrderLineRequest l : request.lines()) {
                Shop.Variant v = shop.variants.get(l.variantId());
                if (v == null) {
                    throw new IllegalArgumentException("no variant " + l.variantId());
                }
                if (l.quantity() <= 0 || (v.quantity != null && v.quantity < l.quantity())) {
                    throw new IllegalArgumentException("variant " + v.id + " has " + v.quantity + " in stock, "
                            + l.quantity() + " asked");
                }
                BigDecimal discount = l.discount() == null ? BigDecimal.ZERO : l.discount();
                BigDecimal lineTotal = v.price.multiply(BigDecimal.valueOf(l.quantity()));
                if (discount.signum() < 0 || discount.compareTo(lineTotal) > 0) {
                    throw new IllegalArgumentException("a line discount lies between 0 and the line's " + lineTotal);
                }
                lines.add(new Shop.Line(lineIds.getAndIncrement(), v, l.quantity(), v.price, discount));
            }
            Instant now = now();
            for (Shop.Line line : lines) {
                if (line.variant().quantity != null) {
                    line.variant().quantity -= line.quantity();
                    line.variant().updatedAt = now;
                }
            }
            long clientId = shop.clientIds.computeIfAbsent(String.valueOf(request.clientEmail()),
                    e -> clientIds.getAndIncrement());
            order = new Shop.Order(orderIds.getAndIncrement(), shop.nextOrderNumber++, hex(16), lines, clientId,
                    request.clientName(), request.clientEmail(), request.checkout(), now);
            shop.orders.put(order.id, order);
        }
        fire(shop, "orders/create", orderJson(order));
        return order.id;
    }

    /** The payment arrives: {@code financial_status} becomes {@code paid}, {@code orders/update} fires. */
    public void payOrder(String shopName, long orderId) {
        Shop shop = shop(shopName);
        Shop.Order order;
        synchronized (shop) {
            order = order(shop, orderId);
            order.financialStatus = "paid";
            order.paidAt = now();
            order.updatedAt = order.paidAt;
        }
        fire(shop, "orders/update", orderJson(order));
    }

    /** The merchant declines the order: tracked stock comes back, {@code orders/update} fires. */
    public void cancelOrder(String shopName, long orderId) {
        Shop shop = shop(shopName);
        Shop.Order order;
        synchronized (shop) {
            order = order(shop, orderId);
            if ("declined".equals(order.fulfillmentStatus)) {
                throw new IllegalStateException("order " + orderId + " is already declined");
            }
            Instant now = now();
            order.fulfillmentStatus = "declined";
            order.updatedAt = now;
            for (Shop.Line line : order.lines) {
                if (line.variant().quantity != null) {
                    line.variant().quantity += line.quantity();
                    line.variant().updatedAt = now;
                }
            }
        }
        fire(shop, "orders/update", orderJson(order));
    }

    /**
     * The merchant moves the order along its system statuses ({@code accepted}, {@code approved},
     * {@code dispatched}, {@code delivered}, {@code returned}; {@code declined} is {@link #cancelOrder}):
     * {@code orders/update} fires.
     */
    public void fulfillOrder(String shopName, long orderId, String status) {
        if (!FULFILLMENT.contains(status)) {
            throw new IllegalArgumentException("fulfillment status is one of " + FULFILLMENT + ", not " + status);
        }
        Shop shop = shop(shopName);
        Shop.Order order;
        synchronized (shop) {
            order = order(shop, orderId);
            if ("declined".equals(order.fulfillmentStatus)) {
                throw new IllegalStateException("order " + orderId + " is declined");
            }
            Instant now = now();
            order.fulfillmentStatus = status;
            order.updatedAt = now;
            if (status.equals("accepted") && order.acceptedAt == null) {
                order.acceptedAt = now;
            }
            if (status.equals("delivered")) {
                order.deliveredAt = now;
            }
        }
        fire(shop, "orders/update", orderJson(order));
    }

    // --- observation and faults ---

    public List<WebhookDelivery> deliveries(String shopName) {
        shop(shopName);
        return deliveries.stream().filter(d -> d.shop().equals(shopName)).map(DeliveryLog::delivery).toList();
    }

    public Counters counters(String shopName) {
        Shop shop = shop(shopName);
        return new Counters(shop.apiCalls.get(), shop.throttled.get(), shop.window.limit() - shop.window.remaining());
    }

    /** The next {@code count} API calls of the shop answer {@code status} with an error body. */
    public void failNext(String shopName, int status, int count) {
        Shop shop = shop(shopName);
        synchronized (shop) {
            shop.fault = count > 0 ? new Shop.Fault(status, count) : null;
        }
    }

    @Override
    public void close() {
        shops.values().forEach(s -> s.dispatcher.close());
        shops.clear();
    }

    // --- shared with the routes ---

    Shop shop(String name) {
        Shop shop = shops.get(name);
        if (shop == null) {
            throw new IllegalArgumentException("no shop " + name);
        }
        return shop;
    }

    Shop findShop(String name) {
        return shops.get(name);
    }

    long nextProductId() {
        return productIds.getAndIncrement();
    }

    long nextVariantId() {
        return variantIds.getAndIncrement();
    }

    /** Categories, collections, collects and images share one id sequence. */
    long nextCatalogId() {
        return catalogIds.getAndIncrement();
    }

    long nextWebhookId() {
        return webhookIds.getAndIncrement();
    }

    /** Posts {@code body} to every webhook of the shop registered for {@code topic}. */
    void fire(Shop shop, String topic, JsonNode body) {
        List<Shop.Webhook> targets;
        synchronized (shop) {
            targets = shop.webhooks.values().stream().filter(w -> w.topic().equals(topic)).toList();
        }
        String text = body.toString();
        for (Shop.Webhook w : targets) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
            shop.dispatcher.deliver(w.address(), headers, text).onSuccess(attempt -> deliveries.add(
                    new DeliveryLog(shop.name, new WebhookDelivery(topic, w.address(), text, attempt.status()))));
        }
    }

    /** inSales keeps times to the millisecond, as its dates show; cursors compare them exactly. */
    Instant now() {
        return options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static String date(Instant instant) {
        return instant == null ? null : DATES.format(instant);
    }

    static Instant parseDate(String text) {
        return java.time.OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    ObjectNode productJson(Shop.Product p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id).put("category_id", p.categoryId).put("title", p.title)
                .put("permalink", "product-" + p.id).put("is_hidden", p.hidden)
                .put("available", p.variants.stream().anyMatch(InsalesSimulator::available))
                .put("archived", false).put("unit", "pce").put("vat", -1).put("currency_code", "RUR");
        if (p.description == null) {
            o.putNull("description");
        } else {
            o.put("description", p.description);
        }
        o.putNull("short_description");
        ArrayNode collections = o.putArray("collections_ids");
        p.collects.forEach(c -> collections.add(c.collectionId()));
        ArrayNode images = o.putArray("images");
        p.images.forEach(i -> images.add(CatalogRoutes.imageJson(i)));
        o.putArray("option_names");
        o.putArray("properties");
        o.putArray("characteristics");
        o.putArray("product_field_values");
        o.put("created_at", date(p.createdAt)).put("updated_at", date(p.updatedAt));
        ArrayNode vs = o.putArray("variants");
        p.variants.forEach(v -> vs.add(variantJson(v)));
        return o;
    }

    ObjectNode variantJson(Shop.Variant v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", v.id).put("product_id", v.product.id).put("title", v.title).put("sku", v.sku);
        if (v.barcode == null) {
            o.putNull("barcode");
        } else {
            o.put("barcode", v.barcode);
        }
        o.put("available", available(v)).put("weight", (String) null);
        if (v.quantity == null) {
            o.putNull("quantity");
        } else {
            o.put("quantity", v.quantity);
        }
        o.put("quantity_at_warehouse0", v.quantity == null ? 0 : v.quantity);
        o.putNull("cost_price");
        o.put("price", v.price.toPlainString());
        o.putNull("old_price");
        o.putArray("prices");
        o.putArray("option_values");
        o.putArray("variant_field_values");
        o.putArray("image_ids");
        o.put("created_at", date(v.createdAt)).put("updated_at", date(v.updatedAt));
        return o;
    }

    /**
     * An order as {@code GET /orders/{id}.json} renders it and as its webhooks post it. Amounts: a line's
     * {@code total_price} is before discounts, {@code full_total_price} after its share of them
     * ({@code discounts_amount}); {@code total_price} of the order is the goods after discounts plus delivery.
     */
    ObjectNode orderJson(Shop.Order order) {
        InsalesAdmin.Checkout checkout = order.checkout;
        BigDecimal items = order.lines.stream().map(Shop.Line::fullTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discounts = order.lines.stream().map(Shop.Line::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal delivery = checkout == null || checkout.deliveryPrice() == null ? BigDecimal.ZERO : checkout.deliveryPrice();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", order.id).put("number", order.number).put("key", order.key)
                .put("fulfillment_status", order.fulfillmentStatus).put("financial_status", order.financialStatus)
                .put("paid_at", date(order.paidAt)).put("accepted_at", date(order.acceptedAt))
                .put("delivered_at", date(order.deliveredAt)).put("currency_code", "RUR")
                .put("items_price", money(items)).put("delivery_price", money(delivery))
                .put("full_delivery_price", money(delivery)).put("total_price", money(items.add(delivery)))
                .put("delivery_title", checkout == null ? null : checkout.deliveryTitle())
                .put("payment_title", checkout == null ? null : checkout.paymentTitle());
        o.putNull("delivery_variant_id");
        o.putNull("payment_gateway_id");
        o.putNull("custom_status");
        o.putNull("comment");
        ObjectNode client = o.putObject("client");
        client.put("id", order.clientId).put("type", "Client::Individual").put("name", order.clientName)
                .put("surname", checkout == null ? null : checkout.clientSurname()).put("email", order.clientEmail)
                .put("phone", checkout == null ? null : checkout.clientPhone());
        InsalesAdmin.ShippingAddress a = checkout == null ? null : checkout.shippingAddress();
        if (a == null) {
            o.putNull("shipping_address");
        } else {
            o.putObject("shipping_address").put("name", a.name()).put("phone", a.phone()).put("address", a.address())
                    .put("city", a.city()).put("state", a.state()).put("zip", a.zip()).put("country", a.country());
        }
        ArrayNode fields = o.putArray("fields_values");
        if (checkout != null && checkout.fields() != null) {
            long fieldId = 1;
            for (InsalesAdmin.FieldValue f : checkout.fields()) {
                fields.addObject().put("id", order.id * 100 + fieldId).put("field_id", fieldId++).put("name", f.name())
                        .put("value", f.value());
            }
        }
        ArrayNode orderDiscounts = o.putArray("discounts");
        if (discounts.signum() > 0) {
            orderDiscounts.addObject().put("description", "Скидка").put("amount", money(discounts))
                    .put("full_amount", money(discounts));
        }
        ArrayNode lines = o.putArray("order_lines");
        for (Shop.Line l : order.lines) {
            BigDecimal fullSale = l.fullTotal().divide(BigDecimal.valueOf(l.quantity()), 2, java.math.RoundingMode.HALF_UP);
            lines.addObject().put("id", l.id()).put("order_id", order.id).put("product_id", l.variant().product.id)
                    .put("variant_id", l.variant().id).put("sku", l.variant().sku).putNull("barcode")
                    .put("title", l.variant().product.title).put("quantity", l.quantity()).put("reserved_quantity", l.quantity())
                    .put("sale_price", money(l.salePrice())).put("full_sale_price", money(fullSale))
                    .put("total_price", money(l.total())).put("full_total_price", money(l.fullTotal()))
                    .put("discounts_amount", money(l.discount())).put("vat", -1).put("unit", "pce");
        }
        o.put("created_at", date(order.createdAt)).put("updated_at", date(order.updatedAt));
        return o;
    }

    /** Money as inSales writes it: a decimal string with at least one decimal ({@code "1590.0"}). */
    static String money(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() <= 0 ? plain.setScale(1) : plain).toPlainString();
    }

    private static boolean available(Shop.Variant v) {
        return v.quantity == null || v.quantity > 0;
    }

    private Shop.Order order(Shop shop, long id) {
        Shop.Order order = shop.orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        return order;
    }

    private ShopCredentials credentials(Shop shop) {
        return new ShopCredentials(shop.name, options.apiKey(), shop.password, "/shops/" + shop.name + "/admin");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

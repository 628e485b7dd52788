package dev.enlace.connector.insales.simulator;

import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** One inSales shop: its catalogue, orders, webhooks, rate window and counters. Guarded by its own lock. */
final class Shop {

    static final class Product {
        final long id;
        long categoryId;
        String title;
        String description;
        boolean hidden;
        final Instant createdAt;
        Instant updatedAt;
        final List<Variant> variants = new ArrayList<>();
        /** Images in position order (CA4). */
        final List<Image> images = new ArrayList<>();
        /** The storefront collections it is in, also listed in the shop's {@code collects}. */
        final List<Collect> collects = new ArrayList<>();

        Product(long id, long categoryId, String title, Instant now) {
            this.id = id;
            this.categoryId = categoryId;
            this.title = title;
            this.createdAt = now;
            this.updatedAt = now;
        }
    }

    static final class Variant {
        final long id;
        final Product product;
        String sku;
        String barcode;
        String title;
        BigDecimal price;
        /** Null: stock is not tracked, the variant sells without limit. */
        Integer quantity;
        final Instant createdAt;
        Instant updatedAt;

        Variant(long id, Product product, String sku, BigDecimal price, Integer quantity, Instant now) {
            this.id = id;
            this.product = product;
            this.sku = sku;
            this.price = price;
            this.quantity = quantity;
            this.createdAt = now;
            this.updatedAt = now;
        }
    }

    /** @param discount the line's share of the order's discounts, for the whole line */
    record Line(long id, Variant variant, int quantity, BigDecimal salePrice, BigDecimal discount) {
        BigDecimal total() {
            return salePrice.multiply(BigDecimal.valueOf(quantity));
        }

        BigDecimal fullTotal() {
            return total().subtract(discount);
        }
    }

    static final class Order {
        final long id;
        final long number;
        final String key;
        final List<Line> lines;
        final long clientId;
        final String clientName;
        final String clientEmail;
        final InsalesAdmin.Checkout checkout;
        String financialStatus = "pending";
        String fulfillmentStatus = "new";
        Instant paidAt;
        Instant acceptedAt;
        Instant deliveredAt;
        final Instant createdAt;
        Instant updatedAt;

        Order(long id, long number, String key, List<Line> lines, long clientId, String clientName, String clientEmail,
                InsalesAdmin.Checkout checkout, Instant now) {
            this.id = id;
            this.number = number;
            this.key = key;
            this.lines = lines;
            this.clientId = clientId;
            this.clientName = clientName;
            this.clientEmail = clientEmail;
            this.checkout = checkout;
            this.createdAt = now;
            this.updatedAt = now;
        }
    }

    record Webhook(long id, String address, String topic, String formatType, Instant createdAt) {
    }

    /** A back-office category or a storefront collection: both are trees of titles (CA4). */
    record Group(long id, String title, Long parentId, Instant createdAt) {
    }

    /** A product in a collection. */
    record Collect(long id, long productId, long collectionId) {
    }

    /** {@code content} is null for an image given by {@code src}, which the simulator does not download. */
    record Image(long id, long productId, int position, String url, String filename, byte[] content, Instant createdAt) {
    }

    /** The next {@code remaining} API calls answer {@code status} (fault injection). */
    record Fault(int status, int remaining) {
    }

    final String name;
    final String password;
    final RateWindow window;
    final WebhookDispatcher dispatcher;
    final Map<Long, Product> products = new LinkedHashMap<>();
    final Map<Long, Variant> variants = new HashMap<>();
    final Map<Long, Order> orders = new TreeMap<>();
    final Map<Long, Webhook> webhooks = new TreeMap<>();
    /** A returning shopper (same e-mail) is the same client. */
    final Map<String, Long> clientIds = new HashMap<>();
    final Map<Long, Group> categories = new TreeMap<>();
    final Map<Long, Group> collections = new TreeMap<>();
    final Map<Long, Collect> collects = new TreeMap<>();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    long nextOrderNumber = 1001;
    Fault fault;

    Shop(String name, String password, RateWindow window, WebhookDispatcher dispatcher) {
        this.name = name;
        this.password = password;
        this.window = window;
        this.dispatcher = dispatcher;
    }

    /** Takes the next injected fault, if any. */
    synchronized Integer takeFault() {
        if (fault == null) {
            return null;
        }
        int status = fault.status();
        fault = fault.remaining() > 1 ? new Fault(status, fault.remaining() - 1) : null;
        return status;
    }
}

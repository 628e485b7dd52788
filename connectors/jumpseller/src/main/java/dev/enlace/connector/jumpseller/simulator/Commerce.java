package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.AdditionalField;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Address;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.CatalogSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.OrderLine;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.OrderRequest;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ProductSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.SeedResult;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Shipment;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.StockLevel;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.VariantSeed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store's business rules shared by the API and the admin side: catalogue writes, stock
 * movements, order lifecycle and the hook events each change fires. Callers hold the store lock
 * (seeding takes it itself).
 */
final class Commerce {
    private final JumpsellerSimulator sim;

    Commerce(JumpsellerSimulator sim) {
        this.sim = sim;
    }

    // --- catalogue ---

    Product createProduct(Store store, JsonNode in) {
        Product p = new Product(sim.productIds.next(), store, store.now());
        List<Runnable> ops = p.parse(in, true);
        List<Variant> variants = new ArrayList<>();
        JsonNode vs = in.get("variants");
        if (vs != null && vs.isArray()) {
            for (JsonNode v : vs) {
                Variant variant = new Variant(store.ids.next(), p);
                ops.addAll(variant.parse(v));
                variants.add(variant);
            }
        }
        ops.forEach(Runnable::run);
        for (Variant v : variants) {
            addVariant(store, p, v);
        }
        store.products.put(p.id, p);
        store.index(p);
        store.emit("product_created", "product", p::toJson);
        return p;
    }

    Product updateProduct(Store store, long id, JsonNode in) {
        Product p = store.product(id);
        int stockBefore = p.reportedStock();
        boolean unlimitedBefore = p.stockUnlimited;
        List<Runnable> ops = p.parse(in, false);
        store.unindex(p);
        ops.forEach(Runnable::run);
        store.index(p);
        p.updatedAt = store.now();
        productChanged(store, p, stockBefore != p.reportedStock() || unlimitedBefore != p.stockUnlimited);
        return p;
    }

    Product deleteProduct(Store store, long id) {
        Product p = store.product(id);
        store.unindex(p);
        store.products.remove(id);
        p.variants.forEach(v -> store.variants.remove(v.id));
        store.emit("product_deleted", "product", p::toJson);
        return p;
    }

    Variant createVariant(Store store, long productId, JsonNode in) {
        Product p = store.product(productId);
        Variant v = new Variant(store.ids.next(), p);
        List<Runnable> ops = v.parse(in);
        int stockBefore = p.reportedStock();
        store.unindex(p);
        ops.forEach(Runnable::run);
        addVariant(store, p, v);
        store.index(p);
        p.updatedAt = store.now();
        productChanged(store, p, stockBefore != p.reportedStock());
        return v;
    }

    Variant updateVariant(Store store, long productId, long variantId, JsonNode in) {
        Product p = store.product(productId);
        Variant v = p.variant(variantId);
        if (v == null) {
            throw ApiException.notFound("Variant");
        }
        int stockBefore = v.stock;
        boolean unlimitedBefore = v.stockUnlimited;
        List<Runnable> ops = v.parse(in);
        store.unindex(p);
        ops.forEach(Runnable::run);
        p.registerOptions(v);
        store.index(p);
        p.updatedAt = store.now();
        productChanged(store, p, stockBefore != v.stock || unlimitedBefore != v.stockUnlimited);
        return v;
    }

    /**
     * {@code POST /products/{id}/images.json} {@code {"image":{"url","position"}}}: Jumpseller fetches the
     * URL and hosts the picture; the simulator keeps the URL as given (README guess). A product change,
     * so {@code product_updated} fires.
     */
    ObjectNode addImage(Store store, long productId, JsonNode in) {
        Product p = store.product(productId);
        String url = in.path("url").asText("");
        if (!url.matches("https?://.+")) {
            throw ApiException.invalid("Image url is invalid.");
        }
        int position = in.path("position").asInt(p.images.size() + 1);
        ObjectNode image = Json.MAPPER.createObjectNode().put("id", sim.objectIds.next()).put("position", position)
                .put("url", url);
        p.images.add(image);
        p.images.sort(java.util.Comparator.comparingInt(i -> i.path("position").asInt()));
        p.updatedAt = store.now();
        productChanged(store, p, false);
        return image;
    }

    /**
     * {@code PUT /products/{id}/images/{image_id}.json?position=n}: moves the image; the others keep their
     * positions (guess 20). A missing or non-integer position is 422.
     */
    ObjectNode moveImage(Store store, long productId, ObjectNode image, List<String> position) {
        Product p = store.product(productId);
        int to;
        try {
            to = Integer.parseInt(position.isEmpty() ? "" : position.get(0));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Position must be an integer");
        }
        image.put("position", to);
        p.images.sort(java.util.Comparator.comparingInt(i -> i.path("position").asInt()));
        p.updatedAt = store.now();
        productChanged(store, p, false);
        return image;
    }

    /**
     * {@code DELETE /products/{id}/images/{image_id}.json}: the image goes, and with it any variant's
     * {@code image} pointing at it; a product change, so {@code product_updated} fires.
     */
    void deleteImage(Store store, long productId, ObjectNode image) {
        Product p = store.product(productId);
        p.images.remove(image);
        p.updatedAt = store.now();
        productChanged(store, p, false);
    }

    private void addVariant(Store store, Product p, Variant v) {
        p.variants.add(v);
        p.registerOptions(v);
        store.variants.put(v.id, v);
    }

    /** A write through the API or the admin panel: product_updated, plus product_stock_updated when stock moved. */
    private void productChanged(Store store, Product p, boolean stockMoved) {
        store.emit("product_updated", "product", p::toJson);
        if (stockMoved) {
            store.emit("product_stock_updated", "product", p::toJson);
        }
    }

    /**
     * Builds the products without the store lock (ids are atomic), then publishes them under it,
     * so API calls to the store wait only for the publishing.
     */
    SeedResult seed(Store store, List<ProductSeed> seeds) {
        Instant now = store.now();
        List<Product> built = new ArrayList<>(seeds.size());
        int variants = 0;
        for (ProductSeed s : seeds) {
            Product p = new Product(sim.productIds.next(), store, now);
            p.name = s.name();
            p.sku = s.sku();
            p.price = s.price();
            p.stock = s.stock() != null ? s.stock() : 100;
            p.stockUnlimited = Boolean.TRUE.equals(s.stockUnlimited());
            if (s.status() != null) {
                if (!Product.STATUSES.contains(s.status())) {
                    throw new IllegalArgumentException("Unknown product status: " + s.status());
                }
                p.status = s.status();
            }
            for (VariantSeed vs : s.variants() == null ? List.<VariantSeed>of() : s.variants()) {
                Variant v = new Variant(store.ids.next(), p);
                v.sku = vs.sku();
                v.price = vs.price();
                v.stock = vs.stock() != null ? vs.stock() : 100;
                v.stockUnlimited = Boolean.TRUE.equals(vs.stockUnlimited());
                if (vs.optionValue() != null) {
                    v.options = List.of(new Variant.OptionValue(
                            vs.optionName() != null ? vs.optionName() : "Option", "option", vs.optionValue(), null));
                }
                p.variants.add(v);
                p.registerOptions(v);
                variants++;
            }
            built.add(p);
        }
        synchronized (store) {
            for (Product p : built) {
                store.products.put(p.id, p);
                p.variants.forEach(v -> store.variants.put(v.id, v));
                store.index(p);
            }
        }
        return new SeedResult(built.size(), variants, built.isEmpty() ? -1 : built.get(0).id,
                built.isEmpty() ? -1 : built.get(built.size() - 1).id);
    }

    SeedResult seed(Store store, CatalogSeed seed) {
        if (seed.products() < 0 || seed.variantsPerProduct() < 0) {
            throw new IllegalArgumentException("Counts must not be negative");
        }
        String prefix = seed.skuPrefix() != null ? seed.skuPrefix() : "SKU";
        List<ProductSeed> seeds = new ArrayList<>(seed.products());
        for (int i = 1; i <= seed.products(); i++) {
            List<VariantSeed> variants = new ArrayList<>(seed.variantsPerProduct());
            for (int j = 1; j <= seed.variantsPerProduct(); j++) {
                variants.add(new VariantSeed(prefix + "-" + i + "-" + j, null, seed.stock(), false, "Talla",
                        "T" + j));
            }
            seeds.add(new ProductSeed("Producto " + i, prefix + "-" + i, seed.price(), seed.stock(), false, null,
                    variants));
        }
        return seed(store, seeds);
    }

    StockLevel stockLevel(Store store, String sku) {
        Object o = store.sellableBySku(sku);
        if (o instanceof Variant v) {
            return new StockLevel(sku, v.product.id, v.id, v.stock, v.stockUnlimited);
        }
        if (o instanceof Product p) {
            return new StockLevel(sku, p.id, null, p.stock, p.stockUnlimited);
        }
        throw new IllegalArgumentException("Unknown SKU: " + sku);
    }

    StockLevel setStock(Store store, String sku, int stock) {
        Object o = store.sellableBySku(sku);
        Product p;
        boolean moved;
        if (o instanceof Variant v) {
            moved = v.stock != stock;
            v.stock = stock;
            p = v.product;
        } else if (o instanceof Product product) {
            moved = product.stock != stock;
            product.stock = stock;
            p = product;
        } else {
            throw new IllegalArgumentException("Unknown SKU: " + sku);
        }
        p.updatedAt = store.now();
        productChanged(store, p, moved);
        return stockLevel(store, sku);
    }

    // --- stock by location ---

    /** A sellable's stock at one location: the main location holds whatever the others do not. */
    static int stockAt(Store store, Object sellable, long locationId) {
        int total = sellable instanceof Variant v ? v.stock : ((Product) sellable).stock;
        Map<Long, Integer> others = others(sellable);
        if (locationId != store.mainLocationId) {
            return others.getOrDefault(locationId, 0);
        }
        long rest = total;
        for (int s : others.values()) {
            rest -= s;
        }
        return clampInt(rest);
    }

    /** {@code PUT /products_locations}: sets one location's stock, so the sellable's total moves by the difference. */
    void setLocationStock(Store store, Object sellable, long locationId, int stock, boolean unlimited) {
        Product p = sellable instanceof Variant v ? v.product : (Product) sellable;
        int stockBefore = sellable instanceof Variant v ? v.stock : p.stock;
        boolean unlimitedBefore = sellable instanceof Variant v ? v.stockUnlimited : p.stockUnlimited;
        int total = clampInt((long) stockBefore - stockAt(store, sellable, locationId) + stock);
        if (locationId != store.mainLocationId) {
            others(sellable).put(locationId, stock);
        }
        if (sellable instanceof Variant v) {
            v.stock = total;
            v.stockUnlimited = unlimited;
        } else {
            p.stock = total;
            p.stockUnlimited = unlimited;
        }
        p.updatedAt = store.now();
        productChanged(store, p, total != stockBefore || unlimited != unlimitedBefore);
    }

    private static Map<Long, Integer> others(Object sellable) {
        return sellable instanceof Variant v ? v.otherLocations : ((Product) sellable).otherLocations;
    }

    // --- orders ---

    long placeOrder(Store store, OrderRequest r) {
        if (r.lines() == null || r.lines().isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        if (r.customer() == null || r.customer().email() == null) {
            throw new IllegalArgumentException("An order needs a customer email");
        }
        if (r.shippingOption() != null && !Set.of("delivery", "store_pickup", "no_shipping")
                .contains(r.shippingOption())) {
            throw new IllegalArgumentException("Unknown shipping option: " + r.shippingOption());
        }
        // everything that can reject the order is checked before the customer account is created
        Order o = new Order(store.nextOrderId, store, store.now());
        for (OrderLine l : r.lines()) {
            o.lines.add(line(store, l));
        }
        Customer c = store.customerByEmail(r.customer().email());
        if (c == null) {
            c = new Customer(store.ids.next(), store.now());
            c.email = r.customer().email();
            c.phone = r.customer().phone();
            c.phonePrefix = r.customer().phonePrefix();
            if (r.billingAddress() != null) {
                c.billingAddress = Customer.pick(Json.ADMIN.valueToTree(r.billingAddress()), Customer.BILLING_FIELDS);
            }
            if (r.shippingAddress() != null) {
                c.shippingAddress = Customer.pick(Json.ADMIN.valueToTree(r.shippingAddress()),
                        Customer.SHIPPING_FIELDS);
            }
            store.customers.put(c.id, c);
            store.emit("customer_created", "customer", c::toJson);
        }
        o.customerId = c.id;
        o.customer = c.toOrderJson(r.customer().ip() != null ? r.customer().ip() : "127.0.0.1");
        if (r.billingAddress() != null && r.billingAddress().name() != null) {
            String full = (r.billingAddress().name() + " "
                    + (r.billingAddress().surname() == null ? "" : r.billingAddress().surname())).trim();
            o.customer.put("fullname", full);
        }
        o.billingAddress = address(r.billingAddress(), true);
        o.shippingAddress = address(r.shippingAddress() != null ? r.shippingAddress() : r.billingAddress(), false);
        ObjectNode info = Json.object();
        info.put("business_activity", r.billingInformation() == null ? null : r.billingInformation().businessActivity());
        info.put("company_name", r.billingInformation() == null ? null : r.billingInformation().companyName());
        info.put("taxpayer_type", r.billingInformation() == null ? null : r.billingInformation().taxpayerType());
        o.billingInformation = info;
        for (AdditionalField f : r.additionalFields() == null ? List.<AdditionalField>of() : r.additionalFields()) {
            o.additionalFields.add(additionalField(store.ids.next(), f.label(), f.value(),
                    f.area() != null ? f.area() : "other"));
        }
        o.paymentMethodName = r.paymentMethodName() != null ? r.paymentMethodName() : "Webpay";
        o.paymentMethodType = o.paymentMethodName.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        o.shippingMethodName = r.shippingMethodName();
        if (r.shippingOption() != null) {
            o.shippingOption = r.shippingOption();
        }
        totals(store, o, r.shipping() != null ? r.shipping() : 0, r.discount() != null ? r.discount() : 0);
        store.nextOrderId++;
        store.orders.put(o.id, o);
        emitOrder(store, o, "order_pending_payment");
        return o.id;
    }

    private Order.Line line(Store store, OrderLine l) {
        if (l.qty() <= 0) {
            throw new IllegalArgumentException("Quantity must be positive");
        }
        Object sellable;
        if (l.sku() != null) {
            sellable = store.sellableBySku(l.sku());
        } else if (l.variantId() != null) {
            sellable = store.variants.get(l.variantId());
        } else if (l.productId() != null) {
            Product p = store.products.get(l.productId());
            sellable = p != null && !p.hasVariants() ? p : null;
        } else {
            throw new IllegalArgumentException("A line needs a sku, variant_id or product_id");
        }
        Product p;
        Variant v = null;
        int available;
        boolean unlimited;
        double price;
        if (sellable instanceof Variant variant) {
            v = variant;
            p = variant.product;
            available = variant.stock;
            unlimited = variant.stockUnlimited;
            price = variant.effectivePrice();
        } else if (sellable instanceof Product product) {
            p = product;
            available = product.stock;
            unlimited = product.stockUnlimited;
            price = product.price;
        } else {
            throw new IllegalArgumentException("Nothing sells as " + (l.sku() != null ? "SKU " + l.sku()
                    : l.variantId() != null ? "variant " + l.variantId() : "product " + l.productId()));
        }
        if (!unlimited && available < l.qty()) {
            throw new IllegalStateException("Only " + available + " in stock for " + (v != null ? v.sku : p.sku));
        }
        String name = p.name;
        if (v != null && !v.options.isEmpty()) {
            name += " (" + String.join(", ", v.options.stream().map(Variant.OptionValue::value).toList()) + ")";
        }
        String image = p.images.isEmpty() ? null : p.images.get(0).path("url").asText(null);
        List<ObjectNode> locations = new ArrayList<>();
        for (long locationId : store.locations.keySet()) {
            ObjectNode at = Json.object();
            at.put("location_id", locationId);
            at.put("stock", stockAt(store, sellable, locationId));
            locations.add(at);
        }
        return new Order.Line(p.id, v != null ? v.id : null, v != null ? v.sku : p.sku, name, l.qty(),
                l.price() != null ? l.price() : price, l.discount() != null ? l.discount() : 0, 0, p.weight, image,
                locations);
    }

    /** Subtotal before discounts; IVA is either contained in prices or added on top, per store setting. */
    private void totals(Store store, Order o, double shipping, double orderDiscount) {
        double subtotal = 0;
        double discount = orderDiscount;
        double tax = 0;
        double rate = store.taxRate / 100.0;
        List<Order.Line> taxed = new ArrayList<>();
        for (Order.Line l : o.lines) {
            double gross = l.price() * l.qty();
            double net = gross - l.discount();
            double lineTax = store.taxesIncluded ? net - net / (1 + rate) : net * rate;
            lineTax = Json.money(lineTax, store.currency);
            taxed.add(l.withTax(lineTax));
            subtotal += gross;
            discount += l.discount();
            tax += lineTax;
        }
        o.lines.clear();
        o.lines.addAll(taxed);
        o.subtotal = subtotal;
        o.discount = discount;
        o.tax = tax;
        o.shipping = shipping;
        o.total = subtotal + shipping - discount + (store.taxesIncluded ? 0 : tax);
    }

    /**
     * Moves an order to {@code target}; only from one of {@code from} when the admin side asks
     * (an API PUT passes no restriction). Stock leaves on payment and returns on cancellation.
     */
    Order transition(Store store, long orderId, String target, String... from) {
        Order o = store.orders.get(orderId);
        if (o == null) {
            throw new IllegalArgumentException("Unknown order: " + orderId);
        }
        if (from.length > 0 && !Arrays.asList(from).contains(o.status)) {
            throw new IllegalStateException("Order " + orderId + " is " + o.status + ", cannot become " + target);
        }
        if (setStatus(store, o, target)) {
            store.emit("order_updated", "order", o::toJson);
        }
        return o;
    }

    /** Sets the status and fires its specific event; the caller fires order_updated. False when unchanged. */
    boolean setStatus(Store store, Order o, String target) {
        if (target.equals(o.status)) {
            return false;
        }
        o.status = target;
        if ("paid".equals(target)) {
            if (o.completedAt == null) {
                o.completedAt = store.now();
            }
            if (!o.stockTaken) {
                moveStock(store, o, -1);
                o.stockTaken = true;
            }
        } else if ("canceled".equals(target) && o.stockTaken) {
            moveStock(store, o, +1);
            o.stockTaken = false;
        }
        store.emit("order_" + target, "order", o::toJson);
        return true;
    }

    /** Sets the shipment status; fires order_shipped when the order first leaves. False when unchanged. */
    boolean setShipment(Store store, Order o, String target) {
        if (target.equals(o.shipmentStatus)) {
            return false;
        }
        boolean wasShipped = shipped(o.shipmentStatus);
        o.shipmentStatus = target;
        if (!wasShipped && shipped(target)) {
            store.emit("order_shipped", "order", o::toJson);
        }
        return true;
    }

    Order ship(Store store, long orderId, Shipment shipment) {
        Order o = store.orders.get(orderId);
        if (o == null) {
            throw new IllegalArgumentException("Unknown order: " + orderId);
        }
        if (!"paid".equals(o.status)) {
            throw new IllegalStateException("Order " + orderId + " is " + o.status + "; only paid orders ship");
        }
        if (shipment != null) {
            o.trackingNumber = shipment.trackingNumber();
            o.trackingCompany = shipment.trackingCompany();
            o.trackingUrl = shipment.trackingUrl();
        }
        if (setShipment(store, o, "in_transit")) {
            store.emit("order_updated", "order", o::toJson);
        }
        return o;
    }

    private static boolean shipped(String shipmentStatus) {
        return "in_transit".equals(shipmentStatus) || "delivered".equals(shipmentStatus);
    }

    private void moveStock(Store store, Order o, int sign) {
        Set<Product> touched = new LinkedHashSet<>();
        for (Order.Line l : o.lines) {
            Product p = store.products.get(l.productId());
            if (p == null) {
                continue;
            }
            if (l.variantId() != null) {
                Variant v = p.variant(l.variantId());
                if (v != null && !v.stockUnlimited) {
                    v.stock = clampInt((long) v.stock + (long) sign * l.qty());
                    touched.add(p);
                }
            } else if (!p.stockUnlimited) {
                p.stock = clampInt((long) p.stock + (long) sign * l.qty());
                touched.add(p);
            }
        }
        for (Product p : touched) {
            p.updatedAt = store.now();
            store.emit("product_stock_updated", "product", p::toJson);
        }
    }

    private void emitOrder(Store store, Order o, String event) {
        store.emit(event, "order", o::toJson);
        store.emit("order_updated", "order", o::toJson);
    }

    static ObjectNode additionalField(long id, String label, String value, String area) {
        ObjectNode f = Json.object();
        f.put("id", id);
        f.put("label", label);
        f.put("value", value);
        f.put("area", area);
        return f;
    }

    private static ObjectNode address(Address a, boolean billing) {
        if (a == null) {
            return null;
        }
        ObjectNode n = Json.object();
        n.put("name", a.name());
        n.put("surname", a.surname());
        if (billing) {
            n.put("taxid", a.taxid());
        }
        n.put("address", a.address());
        if (a.streetNumber() != null && a.streetNumber().matches("\\d+")) {
            n.put("street_number", Long.parseLong(a.streetNumber()));
        } else {
            n.put("street_number", a.streetNumber());
        }
        n.put("complement", a.complement());
        n.put("city", a.city());
        n.put("postal", a.postal());
        n.put("municipality", a.municipality());
        n.put("region", a.region());
        n.put("region_code", a.regionCode());
        n.put("country", a.country());
        n.put("country_code", a.countryCode());
        if (!billing) {
            n.putNull("latitude");
            n.putNull("longitude");
        }
        return n;
    }

    private static int clampInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}

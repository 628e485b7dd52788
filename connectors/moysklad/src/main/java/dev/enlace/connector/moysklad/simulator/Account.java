package dev.enlace.connector.moysklad.simulator;

import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One MoySklad account: every field is guarded by the account's monitor. */
final class Account {
    final String id = UUID.randomUUID().toString();
    final String name;
    final String login;
    final String password;
    final Set<String> tokens = new LinkedHashSet<>();
    final Map<String, Store> stores = new LinkedHashMap<>();
    final Map<String, Product> products = new LinkedHashMap<>();
    final Map<String, Variant> variants = new LinkedHashMap<>();
    final Map<String, Attribute> attributes = new LinkedHashMap<>();
    /** Product groups (CA4). */
    final Map<String, Folder> folders = new LinkedHashMap<>();
    /** The account's price types, in order; the first is the default (moysklad.md §4.8). */
    final List<PriceType> priceTypes = new ArrayList<>(List.of(new PriceType(CatalogApi.PRICE_TYPE_ID, "Цена продажи",
            "cbcf493b-55bc-11d9-848a-00112f43529a")));
    /** Variant characteristic definitions: name to id. */
    final Map<String, String> characteristics = new LinkedHashMap<>();
    /** Keyed by assortment id, then store id. */
    final Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
    final Map<String, StockHook> stockHooks = new LinkedHashMap<>();
    /** Own legal entities; a new account has one, named after the account. */
    final Map<String, Organization> organizations = new LinkedHashMap<>();
    final Map<String, Counterparty> counterparties = new LinkedHashMap<>();
    final Map<String, CustomerOrder> customerOrders = new LinkedHashMap<>();
    /** Customer order states (statuses), in the order the UI lists them. */
    final Map<String, State> orderStates = new LinkedHashMap<>();
    final Map<String, EntityHook> entityHooks = new LinkedHashMap<>();
    final RateWindow rate;
    final WebhookDispatcher dispatcher;
    double faultFraction;
    int faultStatus;
    /** Earliest stock change not yet announced by the stock webhook; null when none waits. */
    Instant stockChangedSince;

    Account(String name, String login, String password, RateWindow rate, WebhookDispatcher dispatcher) {
        this.name = name;
        this.login = login;
        this.password = password;
        this.rate = rate;
        this.dispatcher = dispatcher;
    }

    static final class Store {
        final String id = UUID.randomUUID().toString();
        String name;
        String code;
        String externalCode = UUID.randomUUID().toString();
        boolean archived;
    }

    static final class Product {
        final String id = UUID.randomUUID().toString();
        String name;
        String code;
        String article;
        String externalCode;
        String description;
        /** Sale prices in kopecks by price type id. */
        final Map<String, Double> prices = new LinkedHashMap<>();
        boolean archived;
        Instant updated;
        /** Attribute id to value. */
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final List<String> variantIds = new ArrayList<>();
        String folderId;
        /** Client-chosen UUID that makes a create idempotent. */
        String syncId;
        final List<Image> images = new ArrayList<>();
    }

    static final class Folder {
        final String id = UUID.randomUUID().toString();
        String name;
        String parentId;
        String externalCode = UUID.randomUUID().toString();
        boolean archived;
        Instant updated;
    }

    record Image(String id, String filename, byte[] content, Instant updated) {
    }

    static final class Variant {
        final String id = UUID.randomUUID().toString();
        String productId;
        String name;
        String code;
        String article;
        String externalCode;
        boolean archived;
        Instant updated;
        final Map<String, String> characteristics = new LinkedHashMap<>();
        /** The variant's own sale prices by price type id; a type it has none of shows the product's. */
        final Map<String, Double> prices = new LinkedHashMap<>();
    }

    record PriceType(String id, String name, String externalCode) {
    }

    /** The stored image content behind {@code /download/{id}}, by image id; null when none. */
    Image image(String imageId) {
        return products.values().stream().flatMap(p -> p.images.stream()).filter(i -> i.id().equals(imageId))
                .findFirst().orElse(null);
    }

    double defaultPrice(Product p) {
        return p.prices.getOrDefault(priceTypes.get(0).id(), 0.0);
    }

    record Attribute(String id, String name, String type, boolean required) {
    }

    static final class Level {
        double stock;
        double reserve;
        double inTransit;
        Instant changed;
    }

    record Organization(String id, String name) {
    }

    static final class Counterparty {
        final String id = UUID.randomUUID().toString();
        String name;
        String companyType;
        String email;
        String phone;
        String externalCode;
        Instant updated;
    }

    /** @param stateType Regular, Successful or Unsuccessful */
    record State(String id, String name, int color, String stateType) {
    }

    static final class CustomerOrder {
        final String id = UUID.randomUUID().toString();
        String name;
        String externalCode;
        String description;
        String organizationId;
        String agentId;
        String storeId;
        String stateId;
        boolean applicable = true;
        Instant moment;
        Instant created;
        Instant updated;
        final List<Position> positions = new ArrayList<>();
    }

    static final class Position {
        final String id = UUID.randomUUID().toString();
        String assortmentId;
        double quantity;
        double price;
        double discount;
        int vat;
        double reserve;
    }

    record StockHook(String id, String url, boolean enabled, String reportType, String stockType) {
    }

    record EntityHook(String id, String url, String action, String entityType, String diffType, boolean enabled) {
    }

    Level level(String assortmentId, String storeId) {
        return levels.computeIfAbsent(assortmentId, k -> new LinkedHashMap<>()).computeIfAbsent(storeId, k -> new Level());
    }

    /** Products without variants and variants: the things that hold stock. */
    boolean isAssortment(String id) {
        Product p = products.get(id);
        return variants.containsKey(id) || (p != null && p.variantIds.isEmpty());
    }

    Store storeByName(String storeName) {
        return stores.values().stream().filter(s -> s.name.equals(storeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no store named " + storeName));
    }

    Attribute attributeByName(String attributeName) {
        return attributes.values().stream().filter(a -> a.name().equals(attributeName)).findFirst().orElse(null);
    }
}

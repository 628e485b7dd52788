package dev.enlace.connector.moysklad.simulator;

import java.util.List;
import java.util.Map;

/**
 * Bulk content for one account: stores first, then products (with variants or without), their
 * stock given per store <em>name</em> since store ids are generated UUIDs.
 */
public record MoyskladSeed(List<Store> stores, List<Product> products) {

    public record Store(String name, String code) {
    }

    /**
     * @param price      sale price in kopecks
     * @param attributes product custom fields by attribute name (created as {@code string} if missing)
     * @param stock      stock per store name; ignored when the product has variants
     * @param reserve    reserved quantity per store name
     */
    public record Product(String name, String article, String code, String externalCode, Double price,
            Map<String, String> attributes, Map<String, Double> stock, Map<String, Double> reserve,
            List<Variant> variants) {
    }

    public record Variant(String name, String article, String code, Map<String, String> characteristics,
            Map<String, Double> stock, Map<String, Double> reserve) {
    }

    /** Ids in seed order; {@code assortmentIds} holds each variant, or the product itself when it has none. */
    public record Result(List<String> storeIds, List<String> productIds, List<String> assortmentIds) {
    }
}

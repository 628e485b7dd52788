package dev.enlace.connector.relbase.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A bulk seed for one company: extra warehouses and products with their stock. Stock keys are
 * warehouse ids, or the index (0-based, as a string prefixed with {@code #}) of a warehouse in
 * this seed, so that one seed can create warehouses and stock them.
 */
public record RelbaseSeed(List<Warehouse> warehouses, List<Product> products) {

    public record Warehouse(String name, String address) {
    }

    /** @param price CLP, gross of IVA as relBase shows it in the UI (a guess: the doc is silent) */
    public record Product(String code, String name, String barcode, BigDecimal price, Boolean taxAffected,
            Map<String, BigDecimal> stock) {
    }

    /** The ids created, in seed order. */
    public record Result(List<Long> warehouseIds, List<Long> productIds) {
    }
}

package dev.enlace.connector.bsale.simulator;

import java.util.List;
import java.util.Map;

/**
 * Bulk initial state for one company (admin side, no webhooks fired). Omitted fields take
 * Bsale's defaults. {@code stock} maps an office id to its physical quantity: the account's
 * first office is id 1 and offices seeded here get the next ids in order.
 */
public record BsaleSeed(List<Office> offices, List<Product> products) {

    public record Office(String name, String address, String municipality, String city, Integer isVirtual) {
    }

    public record Product(String name, String description, Integer classification, Integer stockControl,
            Integer allowDecimal, List<Variant> variants) {
    }

    /** {@code price} is the net value in the base price list. */
    public record Variant(String code, String barCode, String description, Integer unlimitedStock,
            Integer allowNegativeStock, Double price, Map<Long, Double> stock) {
    }

    /** What the seed created, ids in the order given. */
    public record Result(List<Long> officeIds, List<Long> productIds, List<Long> variantIds) {
    }
}

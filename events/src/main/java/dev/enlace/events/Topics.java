package dev.enlace.events;

/** Kafka topics of the public contract: one per aggregate, so per-key order holds. */
public final class Topics {
    public static final String STOCK = "enlace.stock.v1";
    public static final String CATALOG = "enlace.catalog.v1";
    public static final String ORDERS = "enlace.orders.v1";
    public static final String DOCUMENTS = "enlace.documents.v1";
    public static final String CUSTOMERS = "enlace.customers.v1";

    /** Suffix of the dead-letter topic that sits beside every topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Record key of every event: {@code <tenant>/<entity id>} (stock: tenant/SKU). */
    public static String key(String tenant, String entityId) {
        return tenant + "/" + entityId;
    }
}

package dev.enlace.stock.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The queue of store writes, one row per linked store variant holding the latest value. A
 * newer value overwrites one not yet sent, so a burst leaves as one write of the last value;
 * an unchanged value queues nothing. With coalescing off every value is kept as well, and the
 * writer sends each one, in order. Runs inside the caller's transaction.
 */
public final class StoreWriteQueue {
    private StoreWriteQueue() {
    }

    /** Keeps what {@link #queuedCte} queued for the writer to send in order, when followed by a true condition. */
    static final String KEEP_EVERY_CHANGE = "INSERT INTO store_stock_change (tenant, store_system, store_product_id,"
            + " store_variant_id, revision, available, unlimited) SELECT * FROM queued WHERE ";

    private static final String QUEUE = "WITH " + queuedCte("stock_link l WHERE l.tenant = ?1 AND l.erp_variant_id = ?2",
            "?3", "?4", "?5") + " "
            + KEEP_EVERY_CHANGE + "?6";

    /** Queues a value for the store variant linked to this ERP variant; nothing when unlinked. */
    public static Uni<Void> queue(String tenant, String erpVariantId, long available, boolean unlimited) {
        return queue(tenant, erpVariantId, available, unlimited, false, false);
    }

    /**
     * @param force       send it even if it equals the last value queued, because the store may have drifted (ST9)
     * @param everyChange coalescing off ({@link StockWriteConfig#coalescing()}): the value is also kept in
     *                    {@code store_stock_change}, so the writer sends it even if a newer one follows
     */
    public static Uni<Void> queue(String tenant, String erpVariantId, long available, boolean unlimited, boolean force,
            boolean everyChange) {
        return Panache.getSession().chain(s -> s.createNativeQuery(QUEUE)
                .setParameter(1, tenant)
                .setParameter(2, erpVariantId)
                .setParameter(3, available)
                .setParameter(4, unlimited)
                .setParameter(5, force)
                .setParameter(6, everyChange)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The queueing, as a {@code queued} common table expression over SQL expressions, so that a hot path can
     * queue within its own statement ({@link StockRefresh}); follow it with {@link #KEEP_EVERY_CHANGE}.
     *
     * @param links the links to queue for, as a FROM clause naming {@code stock_link l}
     */
    static String queuedCte(String links, String available, String unlimited, String force) {
        return "queued AS (INSERT INTO store_stock_write AS w (tenant, store_system, store_product_id,"
                + " store_variant_id, sku, available, unlimited, revision)"
                + " SELECT l.tenant, l.store_system, l.store_product_id, l.store_variant_id, l.sku, " + available + ", "
                + unlimited + ", 1 FROM " + links
                + " ON CONFLICT (tenant, store_system, store_product_id, store_variant_id) DO UPDATE SET"
                + " sku = EXCLUDED.sku, available = EXCLUDED.available, unlimited = EXCLUDED.unlimited,"
                + " revision = w.revision + 1, attempts = 0, next_attempt_at = now(), queued_at = now()"
                + " WHERE " + force + " OR w.available <> EXCLUDED.available OR w.unlimited <> EXCLUDED.unlimited"
                + " RETURNING w.tenant, w.store_system, w.store_product_id, w.store_variant_id, w.revision,"
                + " w.available, w.unlimited)";
    }

    /** Queues the last announced level of an ERP variant, e.g. right after it was linked. */
    public static Uni<Void> queueForLevel(String tenant, String erpVariantId) {
        return queueForLevel(tenant, erpVariantId, false);
    }

    public static Uni<Void> queueForLevel(String tenant, String erpVariantId, boolean force) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT available, unlimited FROM stock_level WHERE tenant = ?1 AND erp_variant_id = ?2", Object[].class)
                .setParameter(1, tenant)
                .setParameter(2, erpVariantId)
                .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : queue(tenant, erpVariantId, ((Number) rows.get(0)[0]).longValue(), (Boolean) rows.get(0)[1], force,
                                false));
    }
}

package dev.enlace.catalog.persistence;

import dev.enlace.catalog.domain.SyncStatus;
import dev.enlace.events.ExternalRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * CA10: one item per link and per seen variant that has none, each with its status (rule in
 * {@link SyncStatus}) and, for ERROR, the open failure's reason and when it was last recorded.
 */
@ApplicationScoped
public class SyncStatusItems {
    /**
     * @param erp      the ERP variant; null for a store variant that is not linked
     * @param store    the store variant; null for an ERP variant that is not linked
     * @param errorAt  when the open failure was last recorded
     */
    public record Item(SyncStatus status, String sku, String name, ExternalRef erp, ExternalRef store, Long linkId,
            String method, String lastError, OffsetDateTime errorAt) {
    }

    // links (names from the seen variants), then seen variants of either side that no link covers
    private static final String ITEMS = "WITH item AS ("
            + " SELECT l.id AS link_id, l.method, l.sku, COALESCE(e.name, s.name) AS name,"
            + "  l.erp_system, l.erp_product_id, l.erp_variant_id, l.store_system, l.store_product_id, l.store_variant_id"
            + "  FROM product_link l"
            + "  LEFT JOIN catalog_variant e ON e.tenant = l.tenant AND e.side = 'ERP' AND e.system = l.erp_system"
            + "   AND e.variant_id = l.erp_variant_id"
            + "  LEFT JOIN catalog_variant s ON s.tenant = l.tenant AND s.side = 'STORE' AND s.system = l.store_system"
            + "   AND s.product_id = l.store_product_id AND s.variant_id = l.store_variant_id"
            + "  WHERE l.tenant = $1"
            + " UNION ALL"
            + " SELECT NULL, NULL, v.sku, v.name, v.system, v.product_id, v.variant_id, NULL, NULL, NULL"
            + "  FROM catalog_variant v WHERE v.tenant = $1 AND v.side = 'ERP' AND NOT EXISTS (SELECT 1 FROM product_link l"
            + "   WHERE l.tenant = v.tenant AND l.erp_system = v.system AND l.erp_variant_id = v.variant_id)"
            + " UNION ALL"
            + " SELECT NULL, NULL, v.sku, v.name, NULL, NULL, NULL, v.system, v.product_id, v.variant_id"
            + "  FROM catalog_variant v WHERE v.tenant = $1 AND v.side = 'STORE' AND NOT EXISTS (SELECT 1 FROM product_link l"
            + "   WHERE l.tenant = v.tenant AND l.store_system = v.system AND l.store_product_id = v.product_id"
            + "   AND l.store_variant_id = v.variant_id)"
            + "), rated AS ("
            + " SELECT item.*, f.reason, f.updated_at AS error_at,"
            + "  CASE WHEN f.updated_at IS NOT NULL THEN 'ERROR' WHEN item.link_id IS NOT NULL THEN 'SYNCED'"
            + "  ELSE 'NOT_LINKED' END AS status"
            + " FROM item LEFT JOIN LATERAL (SELECT reason, updated_at FROM failure_record f"
            + "  WHERE f.tenant = $1 AND f.kind = '" + SyncStatus.FAILURE_KIND + "' AND f.status = 'OPEN'"
            + "  AND f.reference IN (item.erp_system || ':' || item.erp_product_id,"
            + "   item.store_system || ':' || item.store_product_id)"
            + "  ORDER BY f.updated_at DESC LIMIT 1) f ON true"
            + ") SELECT * FROM rated WHERE ($2::text IS NULL OR status = $2)"
            + " AND ($3::text IS NULL OR strpos(lower(sku), lower($3)) > 0)";

    private final Pool pool;

    public SyncStatusItems(Pool pool) {
        this.pool = pool;
    }

    /**
     * @param status null for all
     * @param sku    a part of the SKU, any case; null for all
     */
    public Uni<Paged<Item>> page(String tenant, SyncStatus status, String sku, int page, int size) {
        String statusName = status == null ? null : status.name();
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM (" + ITEMS + ") items")
                .execute(Tuple.of(tenant, statusName, sku))
                .map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<Item>> items = pool.preparedQuery(ITEMS + " ORDER BY sku, erp_variant_id, store_product_id,"
                        + " store_variant_id LIMIT $4 OFFSET $5")
                .execute(Tuple.of(tenant, statusName, sku, size, page * size))
                .map(rows -> {
                    List<Item> result = new ArrayList<>();
                    rows.forEach(r -> result.add(toItem(r)));
                    return result;
                });
        return Uni.combine().all().unis(total, items).asTuple()
                .map(t -> new Paged<>(t.getItem2(), page, size, t.getItem1()));
    }

    private static Item toItem(Row r) {
        ExternalRef erp = r.getString("erp_system") == null ? null : new ExternalRef(r.getString("erp_system"),
                java.util.Objects.toString(r.getString("erp_product_id"), ""), r.getString("erp_variant_id"));
        ExternalRef store = r.getString("store_system") == null ? null : new ExternalRef(r.getString("store_system"),
                r.getString("store_product_id"), SeenVariants.emptyAsNull(r.getString("store_variant_id")));
        return new Item(SyncStatus.valueOf(r.getString("status")), r.getString("sku"), r.getString("name"), erp, store,
                r.getLong("link_id"), r.getString("method"), r.getString("reason"), r.getOffsetDateTime("error_at"));
    }
}

package dev.enlace.catalog.persistence;

import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.ErpStock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The variants catalog-service has seen on each side of a tenant (CA2, CA10), as of the last read
 * of that side: what the manual-link lists page through and what "Not linked" is counted against.
 */
@ApplicationScoped
public class SeenVariants {
    private static final int BATCH = 1000;
    private final Pool pool;
    private final TableStatistics statistics;

    public SeenVariants(Pool pool, TableStatistics statistics) {
        this.pool = pool;
        this.statistics = statistics;
    }

    /** Replaces what is known of one side with a complete read of it. */
    public Uni<Void> refresh(String tenant, Side side, String system, List<CatalogVariant> variants) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = variants.stream().map(v -> Tuple.tuple(List.of(tenant, side.name(), system,
                v.ref().productId(), variantId(v.ref()), v.sku() == null ? "" : v.sku().trim(),
                v.name() == null ? "" : v.name(), now))).toList();
        Uni<Void> upserts = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Tuple> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            upserts = upserts.chain(() -> pool.preparedQuery("INSERT INTO catalog_variant"
                            + " (tenant, side, system, product_id, variant_id, sku, name, seen_at)"
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant, side, system, product_id, variant_id)"
                            + " DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name, seen_at = EXCLUDED.seen_at")
                    .executeBatch(batch).replaceWithVoid());
        }
        // gone from the system (deleted, archived, or the tenant changed systems)
        return upserts.chain(() -> pool.preparedQuery("DELETE FROM catalog_variant WHERE tenant = $1 AND side = $2"
                        + " AND (system <> $3 OR seen_at < $4)")
                .execute(Tuple.of(tenant, side.name(), system, now)).replaceWithVoid())
                .chain(() -> statistics.afterChange("catalog_variant", rows.size()));
    }

    /** Replaces the known stock of one ERP office. */
    public Uni<Void> refreshOffice(String tenant, String erpSystem, String office, List<ErpStock> stock) {
        List<Tuple> rows = stock.stream().map(s -> Tuple.of(tenant, erpSystem, office, s.variantId(), s.quantity()))
                .toList();
        Uni<Void> inserts = pool.preparedQuery("DELETE FROM catalog_office_stock WHERE tenant = $1 AND erp_system = $2"
                + " AND office = $3").execute(Tuple.of(tenant, erpSystem, office)).replaceWithVoid();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Tuple> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            inserts = inserts.chain(() -> pool.preparedQuery("INSERT INTO catalog_office_stock"
                    + " (tenant, erp_system, office, variant_id, quantity) VALUES ($1, $2, $3, $4, $5)")
                    .executeBatch(batch).replaceWithVoid());
        }
        return inserts.chain(() -> statistics.afterChange("catalog_office_stock", rows.size()));
    }

    /** An ERP variant by its id, or a store variant by product and variant id (variantId null for none). */
    public Uni<Optional<CatalogVariant>> find(String tenant, Side side, String system, String productId,
            String variantId) {
        String sql = side == Side.ERP
                ? "SELECT * FROM catalog_variant WHERE tenant = $1 AND side = $2 AND system = $3 AND variant_id = $5"
                        + " AND ($4::text IS NULL OR product_id = $4)"
                : "SELECT * FROM catalog_variant WHERE tenant = $1 AND side = $2 AND system = $3 AND product_id = $4"
                        + " AND variant_id = $5";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(tenant, side.name(), system, productId, variantId == null ? "" : variantId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toVariant(rows.iterator().next())));
    }

    /**
     * One page of one side's variants with their link state, ordered by SKU.
     *
     * @param office    ERP only: just the variants the office's stock listing has, with that stock
     * @param productId store only: just this product's variants
     * @param linked    null: all; true / false: only linked / only not linked
     */
    public Uni<Paged<VariantView>> page(String tenant, Side side, String system, String office, String productId,
            String sku, Boolean linked, int page, int size) {
        String join = side == Side.ERP
                ? " LEFT JOIN product_link l ON l.tenant = v.tenant AND l.erp_system = v.system"
                        + " AND l.erp_variant_id = v.variant_id"
                : " LEFT JOIN product_link l ON l.tenant = v.tenant AND l.store_system = v.system"
                        + " AND l.store_product_id = v.product_id AND l.store_variant_id = v.variant_id";
        String from = " FROM catalog_variant v" + join
                + " LEFT JOIN catalog_office_stock o ON o.tenant = v.tenant AND o.erp_system = v.system"
                + " AND o.variant_id = v.variant_id AND o.office = $4::text"
                + " WHERE v.tenant = $1 AND v.side = $2 AND v.system = $3"
                + " AND ($4::text IS NULL OR o.office IS NOT NULL)"
                + " AND ($5::text IS NULL OR v.product_id = $5)"
                + " AND ($6::text IS NULL OR strpos(lower(v.sku), lower($6)) > 0)"
                + " AND ($7::boolean IS NULL OR (l.id IS NOT NULL) = $7)";
        Tuple filters = Tuple.tuple(List.of(tenant, side.name(), system)).addValue(office).addValue(productId)
                .addValue(sku).addValue(linked);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n" + from).execute(filters)
                .map(rows -> rows.iterator().next().getLong("n"));
        Tuple paged = Tuple.tuple(List.of(tenant, side.name(), system)).addValue(office).addValue(productId)
                .addValue(sku).addValue(linked).addValue(size).addValue(page * size);
        Uni<List<VariantView>> items = pool.preparedQuery("SELECT v.*, o.quantity, l.id AS link_id, l.method,"
                        + (side == Side.ERP ? " l.store_system AS other_system, l.store_product_id AS other_product,"
                                + " l.store_variant_id AS other_variant"
                                : " l.erp_system AS other_system, l.erp_product_id AS other_product,"
                                        + " l.erp_variant_id AS other_variant")
                        + from + " ORDER BY v.sku, v.product_id, v.variant_id LIMIT $8 OFFSET $9")
                .execute(paged)
                .map(rows -> {
                    List<VariantView> result = new ArrayList<>();
                    rows.forEach(r -> result.add(toView(r)));
                    return result;
                });
        return Uni.combine().all().unis(total, items).asTuple()
                .map(t -> new Paged<>(t.getItem2(), page, size, t.getItem1()));
    }

    private static VariantView toView(Row r) {
        Long linkId = r.getLong("link_id");
        ExternalRef other = linkId == null ? null : new ExternalRef(r.getString("other_system"),
                java.util.Objects.toString(r.getString("other_product"), ""), emptyAsNull(r.getString("other_variant")));
        return new VariantView(r.getString("system"), r.getString("product_id"),
                emptyAsNull(r.getString("variant_id")), r.getString("sku"), r.getString("name"),
                r.getBigDecimal("quantity"), linkId != null, linkId, r.getString("method"), other);
    }

    private static CatalogVariant toVariant(Row r) {
        return new CatalogVariant(new ExternalRef(r.getString("system"), r.getString("product_id"),
                emptyAsNull(r.getString("variant_id"))), r.getString("sku"), r.getString("name"));
    }

    static String variantId(ExternalRef ref) {
        return ref.variantId() == null ? "" : ref.variantId();
    }

    static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package dev.enlace.stock.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpSales;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * ST3: with the tenant's {@code stock.erpSalesToStore} off, sales made in the ERP itself do not lower the
 * store's stock. Stock is synced as absolute values, so the units such sales took out are counted per
 * variant (each sale document once) and added back to the ERP's stock before the store rules apply;
 * inventory adjustments and entries still reach the store. Counting starts when the switch is found off
 * (earlier sales are already in the store's value) and is forgotten when it is turned on, which puts the
 * store back on the ERP's own figure. Only ERPs that can tell their sales apart ({@link ErpSales}: relBase)
 * are affected; elsewhere every ERP stock change reaches the store.
 */
@ApplicationScoped
public class ErpSalesLedger {
    private final Connectors connectors;
    private final Pool pool;

    public ErpSalesLedger(Connectors connectors, Pool pool) {
        this.connectors = connectors;
        this.pool = pool;
    }

    /** Whether this tenant's ERP sales are kept out of its store. */
    public boolean keepsSalesOut(Tenant tenant) {
        return !Boolean.TRUE.equals(tenant.settings().stock().erpSalesToStore())
                && connectors.find(ErpSales.class, tenant.erp().system()).isPresent();
    }

    /** Units sold ERP-side that the store does not see, for one variant (zero unless {@link #keepsSalesOut}). */
    public Uni<BigDecimal> unitsKeptOut(Tenant tenant, String erpVariantId) {
        if (!keepsSalesOut(tenant)) {
            return Uni.createFrom().item(BigDecimal.ZERO);
        }
        return pool.preparedQuery("SELECT quantity FROM erp_sales_offset WHERE tenant = $1 AND erp_variant_id = $2")
                .execute(Tuple.of(tenant.id(), erpVariantId))
                .map(rows -> rows.size() == 0 ? BigDecimal.ZERO : rows.iterator().next().getBigDecimal("quantity"));
    }

    /** Before each poll of the ERP's stock: counts the ERP sales made since the last one, or forgets them. */
    public Uni<Void> update(Tenant tenant) {
        ErpSales sales = connectors.find(ErpSales.class, tenant.erp().system()).orElse(null);
        if (sales == null) {
            return Uni.createFrom().voidItem();
        }
        Tuple id = Tuple.of(tenant.id());
        if (!keepsSalesOut(tenant)) {
            return pool.withTransaction(c -> c.preparedQuery("DELETE FROM erp_sales_watch WHERE tenant = $1").execute(id)
                    .chain(() -> c.preparedQuery("DELETE FROM erp_sale_counted WHERE tenant = $1").execute(id))
                    .chain(() -> c.preparedQuery("DELETE FROM erp_sales_offset WHERE tenant = $1").execute(id))
                    .replaceWithVoid());
        }
        return pool.preparedQuery("INSERT INTO erp_sales_watch (tenant, since) VALUES ($1, now()) ON CONFLICT (tenant)"
                        + " DO UPDATE SET since = erp_sales_watch.since RETURNING since").execute(id)
                .chain(watch -> pool.preparedQuery("SELECT document_id FROM erp_sale_counted WHERE tenant = $1").execute(id)
                        .chain(counted -> {
                            Set<String> known = new HashSet<>();
                            for (Row r : counted) {
                                known.add(r.getString("document_id"));
                            }
                            return sales.salesSince(tenant.erp(), watch.iterator().next().getOffsetDateTime("since"), known)
                                    .onItem().transformToUniAndConcatenate(sale -> count(tenant.id(), sale))
                                    .collect().last();
                        }))
                // documents are listed by day: look back one day at most, and forget what is older than that
                .chain(() -> pool.preparedQuery("UPDATE erp_sales_watch SET since = GREATEST(since, now() - interval '1 day')"
                        + " WHERE tenant = $1").execute(id))
                .chain(() -> pool.preparedQuery("DELETE FROM erp_sale_counted WHERE tenant = $1"
                        + " AND counted_at < now() - interval '2 days'").execute(id))
                .replaceWithVoid();
    }

    /** One sale document, once: its units are added to the variants' counts in the same transaction. */
    private Uni<Void> count(String tenant, ErpSales.Sale sale) {
        return pool.withTransaction(c -> c.preparedQuery("INSERT INTO erp_sale_counted (tenant, document_id)"
                        + " VALUES ($1, $2) ON CONFLICT DO NOTHING").execute(Tuple.of(tenant, sale.documentId()))
                .chain(inserted -> {
                    Uni<Void> lines = Uni.createFrom().voidItem();
                    if (inserted.rowCount() == 0) {
                        return lines;
                    }
                    for (ErpSales.Line line : sale.lines()) {
                        lines = lines.chain(() -> c.preparedQuery("INSERT INTO erp_sales_offset (tenant, erp_variant_id,"
                                        + " quantity) VALUES ($1, $2, $3) ON CONFLICT (tenant, erp_variant_id)"
                                        + " DO UPDATE SET quantity = erp_sales_offset.quantity + EXCLUDED.quantity")
                                .execute(Tuple.of(tenant, line.variantId(), line.quantity())).replaceWithVoid());
                    }
                    return lines;
                }));
    }
}

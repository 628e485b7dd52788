package dev.enlace.stock.messaging;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.StockChanged;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.stock.domain.StoreStock;
import dev.enlace.stock.persistence.StockLevel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * ST1: reads a variant's stock back from the ERP, applies the store rules and, when the
 * result differs from what was last announced, records it and emits StockChanged in the same
 * transaction. Reading the absolute value (never applying a delta) makes redelivered and
 * reordered notifications harmless. ERP-side sales the tenant keeps out of the store (ST3) are added
 * back first ({@link ErpSalesLedger}); the event's {@code erpQuantity} stays the ERP's own figure.
 */
@ApplicationScoped
public class StockRefresh {
    private final Connectors connectors;
    private final Outbox outbox;
    private final ErpSalesLedger sales;

    public StockRefresh(Connectors connectors, Outbox outbox, ErpSalesLedger sales) {
        this.connectors = connectors;
        this.outbox = outbox;
        this.sales = sales;
    }

    public Uni<Void> refresh(Tenant tenant, String erpVariantId, String causationId) {
        List<String> offices = tenant.settings().stock().offices();
        return connectors.require(ErpStockSource.class, tenant.erp().system())
                .stock(tenant.erp(), erpVariantId, offices)
                .chain(stock -> record(tenant, stock, causationId))
                .replaceWithVoid();
    }

    /** Records a stock read elsewhere (e.g. in bulk); true when it changed and was announced. */
    Uni<Boolean> record(Tenant tenant, ErpStock stock, String causationId) {
        return sales.unitsKeptOut(tenant, stock.variantId()).chain(keptOut -> record(tenant, stock, keptOut, causationId));
    }

    /** {@code keptOut}: units sold ERP-side that the store is not to see (ST3, switch off). */
    private Uni<Boolean> record(Tenant tenant, ErpStock stock, BigDecimal keptOut, String causationId) {
        BigDecimal forStore = stock.quantity() == null || keptOut.signum() == 0 ? stock.quantity() : stock.quantity().add(keptOut);
        StoreStock store = StoreStock.fromErp(forStore, stock.sellWithoutStock(),
                Boolean.TRUE.equals(tenant.settings().stock().preSale()));
        String scope = stock.offices().isEmpty() ? "all" : "office:" + String.join(",", stock.offices());
        return Panache.withTransaction(() -> StockLevel.<StockLevel>findById(new StockLevel.Key(tenant.id(), stock.variantId())).chain(level -> {
            if (level != null && level.available == store.available() && level.unlimited == store.unlimited()
                    && sameQuantity(level, stock) && scope.equals(level.scope)) {
                return Uni.createFrom().item(false);
            }
            StockLevel row = level == null ? new StockLevel() : level;
            row.tenant = tenant.id();
            row.erpVariantId = stock.variantId();
            row.erpSystem = tenant.erp().system();
            row.erpProductId = stock.productId();
            row.sku = stock.sku();
            row.scope = scope;
            row.erpQuantity = stock.quantity();
            row.available = store.available();
            row.unlimited = store.unlimited();
            row.observedAt = OffsetDateTime.now(ZoneOffset.UTC);
            StockChanged event = new StockChanged(tenant.id(), subject(stock),
                    new ExternalRef(row.erpSystem, stock.productId() == null ? "" : stock.productId(), stock.variantId()), scope, stock.quantity(),
                    store.availableOrNull(), store.unlimited(), row.observedAt);
            return row.<StockLevel>persist().chain(() -> outbox.publish(tenant.id(), subject(stock), event, causationId))
                    .replaceWith(true);
        }));
    }

    /** Stock is keyed by SKU; a variant without one is keyed by its ERP id. */
    static String subject(ErpStock stock) {
        return stock.sku() == null || stock.sku().isBlank() ? "erp-variant:" + stock.variantId() : stock.sku();
    }

    private static boolean sameQuantity(StockLevel level, ErpStock stock) {
        return level.erpQuantity == null ? stock.quantity() == null
                : stock.quantity() != null && level.erpQuantity.compareTo(stock.quantity()) == 0;
    }
}

package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.connector.jumpseller.client.JumpsellerVariant;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.StoreStockReading;
import dev.enlace.platform.connectors.StoreStockSnapshot;
import dev.enlace.platform.connectors.StoreStockTarget;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Jumpseller's side of stock and linking. A product without variants is its own sellable
 * unit: its variant id is empty and stock goes on the product.
 */
@ApplicationScoped
public class JumpsellerStock implements StoreStockTarget, StoreStockSnapshot, VariantCatalog {
    private final JumpsellerClients clients;

    public JumpsellerStock(JumpsellerClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public Uni<Void> writeStock(Connection connection, ExternalRef variant, long available, boolean unlimited) {
        // Jumpseller stock is an int32; the limit flag alone makes the store ignore the number
        JumpsellerVariant.StockUpdate update = unlimited
                ? new JumpsellerVariant.StockUpdate(null, true)
                : new JumpsellerVariant.StockUpdate((int) Math.min(available, Integer.MAX_VALUE), false);
        if (variant.variantId() == null || variant.variantId().isEmpty()) {
            return clients.call(connection, "update product stock", true,
                    api -> api.updateProduct(variant.productId(), new JumpsellerVariant.WrappedProductStockUpdate(update)))
                    .replaceWithVoid();
        }
        return clients.call(connection, "update variant stock", true,
                api -> api.updateVariant(variant.productId(), variant.variantId(), new JumpsellerVariant.WrappedStockUpdate(update)))
                .replaceWithVoid();
    }

    @Override
    public Multi<StoreStockReading> stock(Connection connection) {
        return clients.all(connection, "list products", (api, page) -> api.products(JumpsellerClients.PAGE_SIZE, page))
                .onItem().transformToIterable(wrapped -> {
                    var p = wrapped.product();
                    if (p.variants() == null || p.variants().isEmpty()) {
                        return List.of(new StoreStockReading(new ExternalRef(system(), String.valueOf(p.id()), null),
                                p.sku(), p.stock() == null ? 0 : p.stock(), Boolean.TRUE.equals(p.stockUnlimited())));
                    }
                    return p.variants().stream()
                            .map(v -> new StoreStockReading(new ExternalRef(system(), String.valueOf(p.id()), String.valueOf(v.id())),
                                    v.sku(), v.stock() == null ? 0 : v.stock(), Boolean.TRUE.equals(v.stockUnlimited())))
                            .toList();
                });
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        return clients.all(connection, "list products", (api, page) -> api.products(JumpsellerClients.PAGE_SIZE, page))
                .onItem().transformToIterable(wrapped -> {
                    var p = wrapped.product();
                    if (p.variants() == null || p.variants().isEmpty()) {
                        return List.of(new CatalogVariant(new ExternalRef(system(), String.valueOf(p.id()), null), p.sku(), p.name()));
                    }
                    return p.variants().stream()
                            .map(v -> new CatalogVariant(new ExternalRef(system(), String.valueOf(p.id()), String.valueOf(v.id())),
                                    v.sku(), p.name()))
                            .toList();
                });
    }
}

package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.connector.framework360.client.Fw360Product;
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
 * Framework360's side of stock (ST1, ST9) and linking (CA1), through the guessed {@code products/list} and
 * {@code products/updateStock} (Framework360 publishes no product API; see Framework360Guesses). A product without
 * variants is its own sellable unit (empty variant id); otherwise each variant is. Unlimited stock (ST7) is a null
 * {@code giacenza}.
 */
@ApplicationScoped
public class Framework360Stock implements StoreStockTarget, StoreStockSnapshot, VariantCatalog {
    private final Framework360Clients clients;

    public Framework360Stock(Framework360Clients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public Uni<Void> writeStock(Connection connection, ExternalRef variant, long available, boolean unlimited) {
        Long variantId = variant.variantId() == null || variant.variantId().isBlank() ? null : Long.valueOf(variant.variantId());
        Fw360Product.StockUpdate update = new Fw360Product.StockUpdate(Long.parseLong(variant.productId()), variantId,
                unlimited ? null : available);
        return clients.call(connection, "update stock", true, api -> api.updateStock(update)).replaceWithVoid();
    }

    @Override
    public Multi<StoreStockReading> stock(Connection connection) {
        return products(connection).onItem().transformToIterable(p -> units(p).stream()
                .map(u -> new StoreStockReading(u.ref, u.sku, u.stock == null ? 0 : u.stock,
                        u.stock == null && Framework360Guesses.NULL_STOCK_IS_UNLIMITED))
                .toList());
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        return products(connection).onItem().transformToIterable(p -> units(p).stream()
                .map(u -> new CatalogVariant(u.ref, u.sku, u.name)).toList());
    }

    private Multi<Fw360Product> products(Connection connection) {
        return clients.all(connection, "list products", (api, page) -> api.products(page, Framework360Clients.PAGE_SIZE));
    }

    private record Unit(ExternalRef ref, String sku, String name, Long stock) {
    }

    private List<Unit> units(Fw360Product p) {
        String productId = String.valueOf(p.id());
        if (p.varianti() == null || p.varianti().isEmpty()) {
            return List.of(new Unit(new ExternalRef(system(), productId, null), p.sku(), p.nome(), p.giacenza()));
        }
        return p.varianti().stream().map(v -> new Unit(new ExternalRef(system(), productId, String.valueOf(v.id())), v.sku(),
                v.nome() == null || v.nome().isBlank() ? p.nome() : p.nome() + " / " + v.nome(), v.giacenza())).toList();
    }
}

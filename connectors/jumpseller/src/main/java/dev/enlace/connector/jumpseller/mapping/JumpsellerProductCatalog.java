package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerCatalogProduct;
import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jumpseller as the source of product sync (CA6 Jumpseller -> relBase). A product without
 * variants is one sellable unit with the product's SKU and price (variant id null, as in CA1).
 * Prices are in the store's currency, read once per store from {@code /store/info.json}.
 */
@ApplicationScoped
public class JumpsellerProductCatalog implements ProductCatalog {
    private final JumpsellerClients clients;
    private final Map<String, Uni<String>> currencies = new ConcurrentHashMap<>();

    public JumpsellerProductCatalog(JumpsellerClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public Multi<ProductSnapshot> products(Connection connection) {
        return currency(connection).onItem().transformToMulti(currency -> clients
                .all(connection, "list products", (api, page) -> api.catalogProducts(JumpsellerClients.PAGE_SIZE, page))
                .map(w -> snapshot(w.product(), currency)));
    }

    @Override
    public Uni<Optional<ProductSnapshot>> product(Connection connection, String productId) {
        return currency(connection).chain(currency -> clients
                .call(connection, "read product", true, api -> api.catalogProduct(productId))
                .map(w -> Optional.of(snapshot(w.product(), currency)))
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404)
                .recoverWithItem(Optional.empty()));
    }

    private Uni<String> currency(Connection connection) {
        return currencies.computeIfAbsent(connection.baseUrl() + "#" + connection.secret("login"), k -> clients
                .call(connection, "read store currency", true, api -> api.storeInfo("currency"))
                .map(JumpsellerCatalogProduct.StoreInfo::currency)
                .onFailure().invoke(() -> currencies.remove(k))
                .memoize().indefinitely());
    }

    static ProductSnapshot snapshot(JumpsellerCatalogProduct p, String currency) {
        List<ProductSnapshot.VariantSnapshot> variants = p.variants() == null || p.variants().isEmpty()
                ? List.of(new ProductSnapshot.VariantSnapshot(null, p.sku(), p.barcode(), money(p.price(), currency), List.of()))
                : p.variants().stream().map(v -> new ProductSnapshot.VariantSnapshot(String.valueOf(v.id()), v.sku(),
                        v.barcode(), money(v.price() == null ? p.price() : v.price(), currency),
                        v.options() == null ? List.of() : v.options().stream().map(JumpsellerCatalogProduct.Option::value).toList()))
                        .toList();
        List<String> categories = p.categories() == null ? List.of()
                : p.categories().stream().map(JumpsellerCatalogProduct.Category::name).toList();
        List<String> images = p.images() == null ? List.of() : p.images().stream()
                .sorted(Comparator.comparing(i -> i.position() == null ? Integer.MAX_VALUE : i.position()))
                .map(JumpsellerCatalogProduct.Image::url).toList();
        return new ProductSnapshot(JumpsellerClients.SYSTEM, String.valueOf(p.id()), p.name(), p.description(), p.status(),
                categories, images, variants);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency == null ? "CLP" : currency);
    }
}

package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesCatalogProduct;
import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * inSales as the source of product sync (CA4 inSales -> ERP, CA5 with the store as master). The
 * product's groups are the titles of the storefront collections it is in, or of its back-office
 * category when it is in none: the groups the MoySklad app recreates as product folders.
 */
@ApplicationScoped
public class InsalesProductCatalog implements ProductCatalog {
    /** inSales still answers the pre-1998 code {@code RUR}; events carry ISO 4217. */
    static final String CURRENCY = "RUB";

    private final InsalesClients clients;

    public InsalesProductCatalog(InsalesClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public Multi<ProductSnapshot> products(Connection connection) {
        return groups(connection).onItem().transformToMulti(groups -> clients
                .all(connection, "list products", (api, page) -> api.catalogProducts(InsalesClients.PAGE_SIZE, page))
                .filter(p -> !Boolean.TRUE.equals(p.archived()))
                .map(p -> snapshot(p, groups)));
    }

    @Override
    public Uni<Optional<ProductSnapshot>> product(Connection connection, String productId) {
        return clients.call(connection, "read product", true, api -> api.catalogProduct(productId))
                .map(Optional::of)
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404)
                .recoverWithItem(Optional.empty())
                .chain(found -> found.filter(p -> !Boolean.TRUE.equals(p.archived()))
                        .map(p -> groups(connection).map(groups -> Optional.of(snapshot(p, groups))))
                        .orElse(Uni.createFrom().item(Optional.empty())));
    }

    private record Groups(Map<Long, String> collections, Map<Long, String> categories) {
    }

    private Uni<Groups> groups(Connection connection) {
        Function<List<InsalesCatalogProduct.Group>, Map<Long, String>> titles = list -> list.stream()
                .collect(Collectors.toMap(InsalesCatalogProduct.Group::id, InsalesCatalogProduct.Group::title, (a, b) -> a));
        return clients.call(connection, "list collections", true, api -> api.collections()).map(titles)
                .chain(collections -> clients.call(connection, "list categories", true, api -> api.categories())
                        .map(titles).map(categories -> new Groups(collections, categories)));
    }

    private static ProductSnapshot snapshot(InsalesCatalogProduct p, Groups groups) {
        List<String> categories = new ArrayList<>();
        if (p.collectionIds() != null) {
            p.collectionIds().stream().map(groups.collections()::get).filter(t -> t != null).forEach(categories::add);
        }
        if (categories.isEmpty() && p.categoryId() != null && groups.categories().containsKey(p.categoryId())) {
            categories.add(groups.categories().get(p.categoryId()));
        }
        List<String> images = p.images() == null ? List.of() : p.images().stream()
                .sorted(Comparator.comparing(i -> i.position() == null ? Integer.MAX_VALUE : i.position()))
                .map(InsalesCatalogProduct.Image::originalUrl).filter(u -> u != null).toList();
        List<ProductSnapshot.VariantSnapshot> variants = p.variants() == null ? List.of() : p.variants().stream()
                .map(v -> new ProductSnapshot.VariantSnapshot(String.valueOf(v.id()), v.sku(), v.barcode(),
                        new Money(v.price() == null ? BigDecimal.ZERO : v.price(), CURRENCY),
                        v.title() == null ? List.of() : List.of(v.title())))
                .toList();
        return new ProductSnapshot(InsalesClients.SYSTEM, String.valueOf(p.id()), p.title(), p.description(),
                Boolean.TRUE.equals(p.hidden()) ? "hidden" : "active", categories, images, variants);
    }
}

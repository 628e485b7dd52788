package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.connector.relbase.client.RelbaseProduct;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * relBase products as snapshots (CA5 by polling: relBase sends no webhooks). A relBase product is its own only
 * variant. Its {@code price} is taken as the store price as it stands (relbase.md leaves net or gross open; see
 * the README's guesses); relBase has no price lists in its product API, so CA7 does not apply.
 */
@ApplicationScoped
public class RelbaseProductCatalog implements ProductCatalog {
    static final String CURRENCY = "CLP";
    private final RelbaseClients clients;

    public RelbaseProductCatalog(RelbaseClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Multi<ProductSnapshot> products(Connection connection) {
        return RelbaseProducts.all(clients, connection, null).map(RelbaseProductCatalog::snapshot);
    }

    @Override
    public Uni<Optional<ProductSnapshot>> product(Connection connection, String productId) {
        return clients.call(connection, "get product", true, api -> api.product(productId))
                .map(one -> Optional.of(snapshot(one.data())))
                .onFailure(ExternalApiException.class).recoverWithUni(e -> ((ExternalApiException) e).status() == 404
                        ? Uni.createFrom().item(Optional.empty()) : Uni.createFrom().failure(e));
    }

    static ProductSnapshot snapshot(RelbaseProduct p) {
        String id = String.valueOf(p.id());
        return new ProductSnapshot(RelbaseClients.SYSTEM, id, p.name(),
                p.description() == null || p.description().isBlank() ? null : p.description(), "active", List.of(),
                p.urlImage() == null || p.urlImage().isBlank() ? List.of() : List.of(p.urlImage()),
                List.of(new ProductSnapshot.VariantSnapshot(id, p.code(), p.barcode(),
                        p.price() == null ? null : new Money(p.price(), CURRENCY), List.of())));
    }
}

package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every sellable MoySklad item for linking by SKU (CA1): products without variants (their own
 * id is the assortment id that stock is reported under) and every variant. Archived items are
 * left out by the API itself.
 */
@ApplicationScoped
public class MoyskladVariantCatalog implements VariantCatalog {
    private final MoyskladClients clients;

    public MoyskladVariantCatalog(MoyskladClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        Multi<CatalogVariant> plainProducts = clients.all(connection, "list products",
                        (api, offset) -> api.products(null, MoyskladClients.PAGE_SIZE, offset))
                .filter(p -> p.variantsCount() == 0)
                .map(p -> new CatalogVariant(new ExternalRef(MoyskladClients.SYSTEM, p.id(), p.id()),
                        Skus.of(connection, p.article(), p.code()), p.name()));
        Multi<CatalogVariant> variants = clients.all(connection, "list variants",
                        (api, offset) -> api.variants(null, MoyskladClients.PAGE_SIZE, offset))
                .map(v -> new CatalogVariant(new ExternalRef(MoyskladClients.SYSTEM, v.productId(), v.id()),
                        Skus.of(connection, v.article(), v.code()), v.name()));
        return Multi.createBy().concatenating().streams(plainProducts, variants);
    }
}

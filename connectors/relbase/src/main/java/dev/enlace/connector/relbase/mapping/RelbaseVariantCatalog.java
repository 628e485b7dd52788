package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/** Every relBase product, for linking by SKU ({@code code}) (CA1). */
@ApplicationScoped
public class RelbaseVariantCatalog implements VariantCatalog {
    private final RelbaseClients clients;

    public RelbaseVariantCatalog(RelbaseClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        return RelbaseProducts.all(clients, connection, null)
                .map(p -> new CatalogVariant(RelbaseProducts.ref(p.id()), p.code(), p.name()));
    }
}

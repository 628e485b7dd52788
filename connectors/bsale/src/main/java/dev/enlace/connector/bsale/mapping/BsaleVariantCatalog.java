package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/** Every active Bsale variant, for linking by SKU (CA1). */
@ApplicationScoped
public class BsaleVariantCatalog implements VariantCatalog {
    private static final int ACTIVE = 0;
    private final BsaleClients clients;

    public BsaleVariantCatalog(BsaleClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        return clients.all(connection, "list variants",
                        (api, offset) -> api.variants(ACTIVE, null, BsaleClients.PAGE_SIZE, offset))
                .map(v -> new CatalogVariant(
                        new ExternalRef(BsaleClients.SYSTEM, v.product() == null ? null : v.product().id(), String.valueOf(v.id())),
                        v.code(), v.description()));
    }
}

package dev.enlace.connector.smarty.mapping;

import dev.enlace.connector.smarty.client.SmartyClients;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * ST1 for Gestionale Smarty, which sends no webhooks: the stock-service polls {@link #allStock} at the tenant's
 * {@code stock.pollInterval} and announces only what changed since the last read. Smarty has no warehouses in its
 * public API, so {@code offices} is passed through untouched. Linking by SKU (CA1) reads the same list.
 */
@ApplicationScoped
public class SmartyStock implements ErpStockSnapshot, ErpStockSource, VariantCatalog {
    private final SmartyClients clients;

    public SmartyStock(SmartyClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return SmartyClients.SYSTEM;
    }

    @Override
    public Multi<ErpStock> allStock(Connection connection, List<String> offices) {
        return SmartyVariants.all(clients, connection).map(u -> u.erpStock(offices));
    }

    /** No single-product read is documented: the list is scanned (a page of 50 per call). */
    @Override
    public Uni<ErpStock> stock(Connection connection, String variantId, List<String> offices) {
        return allStock(connection, offices).filter(s -> s.variantId().equals(variantId)).toUni()
                .onItem().ifNull().failWith(() -> new ExternalApiException(system(), 404,
                        "no Smarty product or variation " + variantId, null));
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        return SmartyVariants.all(clients, connection).map(u -> new CatalogVariant(u.ref(), u.sku(), u.name()));
    }
}

package dev.enlace.catalog.messaging;

import dev.enlace.catalog.persistence.SeenVariants;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Reads one side of a tenant through its connector and remembers what it saw (CA2, CA10), so the
 * manual-link lists and the sync status cover every variant of both sides.
 */
@ApplicationScoped
public class CatalogReads {
    private final Connectors connectors;
    private final SeenVariants seen;

    public CatalogReads(Connectors connectors, SeenVariants seen) {
        this.connectors = connectors;
        this.seen = seen;
    }

    public Uni<List<CatalogVariant>> read(Tenant tenant, Side side) {
        Connection connection = side == Side.ERP ? tenant.erp() : tenant.store();
        return Uni.createFrom().deferred(() -> connectors.require(VariantCatalog.class, connection.system())
                        .variants(connection).collect().asList())
                .call(variants -> seen.refresh(tenant.id(), side, connection.system(), variants));
    }

    /**
     * The stock of every ERP variant in one office (branch): offered where the ERP's connector reads
     * stock per office in bulk (Bsale offices, relBase warehouses); 422 otherwise.
     */
    public Uni<Void> readOffice(Tenant tenant, String office) {
        Connection erp = tenant.erp();
        return Uni.createFrom().deferred(() -> connectors.require(ErpStockSnapshot.class, erp.system())
                        .allStock(erp, List.of(office)).collect().asList())
                .chain(stock -> seen.refreshOffice(tenant.id(), erp.system(), office, stock));
    }
}

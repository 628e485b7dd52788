package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.connector.relbase.client.RelbaseProduct;
import dev.enlace.connector.relbase.client.RelbaseStocks;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;

/**
 * ST1/ST8 for relBase: one product's stock from {@code stock_por_bodegas}, and, since relBase sends
 * no webhooks, every product's stock for a poller from the product list's {@code inventories}
 * (one call per 100 products instead of one per product).
 */
@ApplicationScoped
public class RelbaseStockSource implements ErpStockSource, ErpStockSnapshot {
    private final RelbaseClients clients;

    public RelbaseStockSource(RelbaseClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Uni<ErpStock> stock(Connection connection, String variantId, List<String> offices) {
        Uni<RelbaseProduct> product = clients.call(connection, "read product", true, api -> api.product(variantId))
                .map(one -> one.data());
        Uni<RelbaseStocks> stocks = clients.call(connection, "read stock", true, api -> api.stockByWarehouse(variantId))
                .map(one -> one.data());
        return Uni.combine().all().unis(product, stocks).asTuple().map(t -> {
            List<RelbaseStocks.Row> rows = t.getItem2().stocks() == null ? List.of() : t.getItem2().stocks();
            return new ErpStock(variantId, variantId, t.getItem1().code(),
                    RelbaseProducts.sum(rows.stream().map(r -> new SimpleEntry<>(r.wareHouseId(), r.currentStock())), offices),
                    false, offices);
        });
    }

    @Override
    public Multi<ErpStock> allStock(Connection connection, List<String> offices) {
        return RelbaseProducts.all(clients, connection, null).map(p -> RelbaseProducts.stock(p, offices));
    }
}

package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.connector.relbase.client.RelbaseProduct;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.math.BigDecimal;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * relBase products have no variants: the product is the sellable unit, so its id is both the
 * product and the variant id of Enlace's references, and its {@code code} is the SKU.
 */
final class RelbaseProducts {
    private RelbaseProducts() {
    }

    static ExternalRef ref(long productId) {
        String id = String.valueOf(productId);
        return new ExternalRef(RelbaseClients.SYSTEM, id, id);
    }

    static Multi<RelbaseProduct> all(RelbaseClients clients, Connection connection, String query) {
        return clients.all(connection, "list products", (api, page) -> api.products(query, page, RelbaseClients.PAGE_SIZE));
    }

    /** {@code query} matches text anywhere (name, code, barcode): the exact code is picked out of the matches. */
    static Uni<Optional<RelbaseProduct>> bySku(RelbaseClients clients, Connection connection, String sku) {
        return all(clients, connection, sku).filter(p -> sku.equals(p.code())).toUni()
                .map(Optional::ofNullable);
    }

    /** Sums (warehouse id, stock) rows over the chosen warehouses; empty = all of them. */
    static BigDecimal sum(Stream<Map.Entry<Long, BigDecimal>> rows, List<String> offices) {
        return rows.filter(r -> r.getValue() != null)
                .filter(r -> offices.isEmpty() || offices.contains(String.valueOf(r.getKey())))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static ErpStock stock(RelbaseProduct product, List<String> offices) {
        List<RelbaseProduct.Inventory> rows = product.inventories() == null ? List.of() : product.inventories();
        BigDecimal quantity = sum(rows.stream().map(r -> new SimpleEntry<>(r.wareHouseId(), r.stock())), offices);
        String id = String.valueOf(product.id());
        // relBase has no known "sell without stock" switch: negative stock just reads as negative
        return new ErpStock(id, id, product.code(), quantity, false, offices);
    }
}

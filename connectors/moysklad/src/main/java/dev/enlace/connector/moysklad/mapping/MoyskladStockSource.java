package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.connector.moysklad.client.MoyskladStoreStock;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * ST1/ST8 for MoySklad: the item's free stock ({@code stock - reserve}: what customer orders have
 * reserved is not for sale, goods in transit are not here yet) summed over the tenant's stores,
 * or over all of them, read from the short report {@code /report/stock/bystore/current}.
 */
@ApplicationScoped
public class MoyskladStockSource implements ErpStockSource {
    static final String FREE_STOCK = "freeStock";
    private final MoyskladClients clients;

    public MoyskladStockSource(MoyskladClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    /** @param variantId the assortment id: a variant's, or a product's when it has no variants */
    @Override
    public Uni<ErpStock> stock(Connection connection, String variantId, List<String> offices) {
        String filter = "assortmentId=" + variantId + (offices.isEmpty() ? "" : ";storeId=" + String.join(",", offices));
        Uni<BigDecimal> free = clients.call(connection, "read stock", true,
                        api -> api.stockByStore(FREE_STOCK, filter, null))
                .map(rows -> sum(rows, variantId, offices));
        return Uni.combine().all().unis(item(connection, variantId), free).asTuple()
                .map(t -> new ErpStock(variantId, t.getItem1().productId(), t.getItem1().sku(), t.getItem2(), false, offices));
    }

    /**
     * Rows for this item in the stores asked for; with no store named, every row counts, including
     * the store-less one ({@code storeId: null}) that holds reserve not tied to a store. An item
     * never used in a document has no rows: its stock is 0.
     */
    static BigDecimal sum(List<MoyskladStoreStock> rows, String assortmentId, List<String> offices) {
        return rows.stream()
                .filter(r -> assortmentId.equals(r.assortmentId()))
                .filter(r -> offices.isEmpty() || offices.contains(r.storeId()))
                .map(r -> r.freeStock() == null ? BigDecimal.ZERO : r.freeStock())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Item(String productId, String sku) {
    }

    /** A variant, or else (404) a product without variants: the id alone does not say which. */
    private Uni<Item> item(Connection connection, String id) {
        return clients.call(connection, "read variant", true, api -> api.variant(id))
                .map(v -> new Item(v.productId(), Skus.of(connection, v.article(), v.code())))
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404)
                .recoverWithUni(() -> clients.call(connection, "read product", true, api -> api.product(id))
                        .map(p -> new Item(p.id(), Skus.of(connection, p.article(), p.code()))));
    }
}

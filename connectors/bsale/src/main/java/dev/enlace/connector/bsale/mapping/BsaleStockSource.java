package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.connector.bsale.client.BsaleStock;
import dev.enlace.connector.bsale.client.BsaleVariant;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.ErpStockSnapshot;
import dev.enlace.platform.connectors.ErpStockSource;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * ST1/ST8 for Bsale: the variant's available quantity in the tenant's offices (or all of them),
 * read back from the API rather than trusted from the thin notification.
 */
@ApplicationScoped
public class BsaleStockSource implements ErpStockSource, ErpStockSnapshot {
    private final BsaleClients clients;

    public BsaleStockSource(BsaleClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public Uni<ErpStock> stock(Connection connection, String variantId, List<String> offices) {
        Uni<BsaleVariant> variant = clients.call(connection, "read variant", true, api -> api.variant(variantId, "[product]"));
        Multi<BsaleStock> rows = offices.isEmpty()
                ? stockRows(connection, variantId, null)
                : Multi.createFrom().iterable(offices).onItem().transformToMultiAndConcatenate(
                        office -> stockRows(connection, variantId, office));
        Uni<BigDecimal> available = rows
                .map(row -> row.quantityAvailable() == null ? BigDecimal.ZERO : row.quantityAvailable())
                .collect().with(java.util.stream.Collectors.reducing(BigDecimal.ZERO, BigDecimal::add));
        return Uni.combine().all().unis(variant, available).asTuple().map(t -> toErpStock(t.getItem1(), t.getItem2(), offices));
    }

    /** Two paged reads for the whole account: every active variant, then every stock row. */
    @Override
    public Multi<ErpStock> allStock(Connection connection, List<String> offices) {
        Uni<java.util.Map<Long, BsaleVariant>> variants = clients.all(connection, "list variants",
                        (api, offset) -> api.variantsWithProduct(0, "[product]", BsaleClients.PAGE_SIZE, offset))
                .collect().asMap(BsaleVariant::id);
        Multi<BsaleStock> rows = offices.isEmpty()
                ? stockRows(connection, null, null)
                : Multi.createFrom().iterable(offices).onItem().transformToMultiAndConcatenate(
                        office -> stockRows(connection, null, office));
        Uni<java.util.Map<String, BigDecimal>> available = rows.collect().asMap(
                row -> row.variant().id(),
                row -> row.quantityAvailable() == null ? BigDecimal.ZERO : row.quantityAvailable(),
                BigDecimal::add);
        return Uni.combine().all().unis(variants, available).asTuple()
                .onItem().transformToMulti(t -> Multi.createFrom().iterable(t.getItem1().values())
                        .map(v -> toErpStock(v, t.getItem2().getOrDefault(String.valueOf(v.id()), BigDecimal.ZERO),
                                offices)));
    }

    static ErpStock toErpStock(BsaleVariant variant, BigDecimal available, List<String> offices) {
        boolean untracked = variant.product() != null && Integer.valueOf(0).equals(variant.product().stockControl());
        boolean sellWithoutStock = variant.allowNegativeStock() == 1 || variant.unlimitedStock() == 1 || untracked;
        String productId = variant.product() == null ? null : variant.product().id();
        return new ErpStock(String.valueOf(variant.id()), productId, variant.code(), available, sellWithoutStock, offices);
    }

    private Multi<BsaleStock> stockRows(Connection connection, String variantId, String office) {
        return clients.all(connection, "read stock", (api, offset) ->
                api.stocks(variantId, office, BsaleClients.PAGE_SIZE, offset));
    }
}

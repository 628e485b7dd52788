package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.connector.bsale.client.BsalePriceDetail;
import dev.enlace.connector.bsale.client.BsaleProduct;
import dev.enlace.connector.bsale.client.BsaleVariant;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.PriceListChoice;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bsale products as snapshots (CA3, CA5, CA11). The price is the gross value ({@code variantValueWithTaxes}) of
 * the tenant's price list (CA7, {@link PriceListChoice}), since stores show prices with IVA. Bsale keeps no images
 * and no categories beyond a product type id (bsale.md §3), so both stay empty.
 */
@ApplicationScoped
public class BsaleProductCatalog implements ProductCatalog {
    static final String CURRENCY = "CLP";
    private static final int ACTIVE = 0;
    private static final String WITH_VARIANTS = "[variants]";
    private final BsaleClients clients;

    public BsaleProductCatalog(BsaleClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    /** CA8: nothing to copy, and nothing to remove from the store either. */
    @Override
    public boolean keepsImages() {
        return false;
    }

    @Override
    public Multi<ProductSnapshot> products(Connection connection) {
        // one pass over the price list first: a page of 50 prices costs one call, 50 single reads cost 50
        return priceList(connection).onItem().transformToMulti(list -> clients.all(connection, "list prices",
                                (api, offset) -> api.priceDetails(list, null, BsaleClients.PAGE_SIZE, offset))
                        .collect().asMap(d -> d.variant().id(), BsalePriceDetail::variantValueWithTaxes)
                        .onItem().transformToMulti(prices -> clients.all(connection, "list products",
                                        (api, offset) -> api.products(ACTIVE, WITH_VARIANTS, BsaleClients.PAGE_SIZE, offset))
                                .map(p -> snapshot(p, prices))));
    }

    @Override
    public Uni<Optional<ProductSnapshot>> product(Connection connection, String productId) {
        return clients.call(connection, "get product", true, api -> api.product(productId, WITH_VARIANTS))
                .chain(p -> priceList(connection).chain(list -> Multi.createFrom().iterable(activeVariants(p))
                        .onItem().transformToUniAndConcatenate(v -> clients.call(connection, "get price", true,
                                api -> api.priceDetails(list, String.valueOf(v.id()), 1, 0)))
                        .onItem().transformToIterable(page -> page.items())
                        .collect().asMap(d -> d.variant().id(), BsalePriceDetail::variantValueWithTaxes)
                        .map(prices -> Optional.of(snapshot(p, prices)))))
                .onFailure(ExternalApiException.class).recoverWithUni(e -> ((ExternalApiException) e).status() == 404
                        ? Uni.createFrom().item(Optional.empty()) : Uni.createFrom().failure(e));
    }

    /** The chosen list, else the first active one (the new company's default: bsale.md names no "default" flag). */
    private Uni<String> priceList(Connection connection) {
        return connection.property(PriceListChoice.PROPERTY).map(id -> Uni.createFrom().item(id))
                .orElseGet(() -> clients.call(connection, "list price lists", true, api -> api.priceLists(1, 0))
                        .map(page -> page.items().stream().filter(l -> l.state() == ACTIVE).findFirst()
                                .orElseThrow(() -> new ExternalApiException(BsaleClients.SYSTEM, 404,
                                        "the company has no active price list", null))
                                .id()));
    }

    private static List<BsaleVariant> activeVariants(BsaleProduct p) {
        return p.variants() == null || p.variants().items() == null ? List.of()
                : p.variants().items().stream().filter(v -> v.state() == ACTIVE).toList();
    }

    static ProductSnapshot snapshot(BsaleProduct p, Map<String, BigDecimal> grossPrices) {
        List<BsaleVariant> variants = activeVariants(p);
        // a product's only variant is the product itself: its description ("Unidad") is no option to choose
        boolean options = variants.size() > 1;
        List<ProductSnapshot.VariantSnapshot> mapped = variants.stream().map(v -> {
            BigDecimal price = grossPrices.get(String.valueOf(v.id()));
            return new ProductSnapshot.VariantSnapshot(String.valueOf(v.id()), blankToNull(v.code()),
                    blankToNull(v.barCode()), price == null ? null : new Money(price, CURRENCY),
                    options && v.description() != null ? List.of(v.description()) : List.of());
        }).toList();
        return new ProductSnapshot(BsaleClients.SYSTEM, String.valueOf(p.id()), p.name(), blankToNull(p.description()),
                p.state() == ACTIVE ? "active" : "inactive", List.of(), List.of(), mapped);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

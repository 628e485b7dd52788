package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladCatalogProduct;
import dev.enlace.connector.moysklad.client.MoyskladCatalogVariant;
import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.connector.moysklad.client.MoyskladImage;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MoySklad as the source of product sync (CA3, CA4 MoySklad -> store, CA5 with the ERP as master): each product
 * with its variants (модификации; a product without variants is its own single variant, as in the link table),
 * SKU ({@code article} or {@code code}, see {@link Skus}), barcode, description, the price of the tenant's price
 * type (CA7, {@link PriceTypes}), options from the characteristics, the product folder's path
 * ({@code pathName}, e.g. {@code Одежда/Футболки}) as its one group, and its images.
 * <p>
 * Image content sits behind MoySklad's auth; the snapshot carries each image's temporary public link (asked for
 * the longest life, 24 h), so a store can fetch it. The link's query (its signature) changes on every read, its
 * path does not. Archived products are left out, as the API lists them.
 */
@ApplicationScoped
public class MoyskladProductCatalog implements ProductCatalog {
    /** The longest life MoySklad gives a download link (moysklad.md §4.10). */
    static final int LINK_SECONDS = 86_400;
    private final MoyskladClients clients;

    public MoyskladProductCatalog(MoyskladClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public Multi<ProductSnapshot> products(Connection connection) {
        // every variant first (1,000 a page), so a product needs no call of its own for them
        Uni<Map<String, List<MoyskladCatalogVariant>>> variants = clients.all(connection, "list variants",
                        (api, offset) -> api.catalogVariants(null, MoyskladClients.PAGE_SIZE, offset))
                .collect().asList()
                .map(all -> all.stream().collect(Collectors.groupingBy(MoyskladCatalogVariant::productId)));
        return variants.onItem().transformToMulti(byProduct -> clients.all(connection, "list products",
                        (api, offset) -> api.catalogProducts(null, MoyskladClients.PAGE_SIZE, offset))
                .onItem().transformToUniAndConcatenate(p -> snapshot(connection, p, byProduct.getOrDefault(p.id(), List.of()))));
    }

    @Override
    public Uni<Optional<ProductSnapshot>> product(Connection connection, String productId) {
        return clients.call(connection, "read product", true, api -> api.catalogProduct(productId))
                .map(Optional::of)
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404).recoverWithItem(Optional.empty())
                .chain(found -> found.filter(p -> !p.archived())
                        .map(p -> variantsOf(connection, p).chain(variants -> snapshot(connection, p, variants)).map(Optional::of))
                        .orElse(Uni.createFrom().item(Optional.empty())));
    }

    private Uni<List<MoyskladCatalogVariant>> variantsOf(Connection connection, MoyskladCatalogProduct p) {
        if (p.variantsCount() == 0) {
            return Uni.createFrom().item(List.of());
        }
        return clients.all(connection, "list variants", (api, offset) -> api.catalogVariants("productid=" + p.id(),
                MoyskladClients.PAGE_SIZE, offset)).collect().asList();
    }

    private Uni<ProductSnapshot> snapshot(Connection connection, MoyskladCatalogProduct p,
            List<MoyskladCatalogVariant> variants) {
        return imageLinks(connection, p).map(images -> snapshot(connection, p, variants, images));
    }

    static ProductSnapshot snapshot(Connection connection, MoyskladCatalogProduct p, List<MoyskladCatalogVariant> variants,
            List<String> images) {
        List<ProductSnapshot.VariantSnapshot> sellable = variants.stream().filter(v -> !v.archived())
                .map(v -> new ProductSnapshot.VariantSnapshot(v.id(), Skus.of(connection, v.article(), v.code()),
                        MoyskladCatalogProduct.firstBarcode(v.barcodes()), PriceTypes.price(connection, v.salePrices()),
                        v.characteristics() == null ? List.of()
                                : v.characteristics().stream().map(MoyskladCatalogVariant.Characteristic::value).toList()))
                .toList();
        if (variants.isEmpty()) {
            sellable = List.of(new ProductSnapshot.VariantSnapshot(p.id(), Skus.of(connection, p.article(), p.code()),
                    MoyskladCatalogProduct.firstBarcode(p.barcodes()), PriceTypes.price(connection, p.salePrices()), List.of()));
        }
        List<String> groups = p.pathName() == null || p.pathName().isBlank() ? List.of() : List.of(p.pathName());
        return new ProductSnapshot(MoyskladClients.SYSTEM, p.id(), p.name(), p.description(),
                p.archived() ? "archived" : "active", groups, images, sellable);
    }

    /** The temporary public link of each image, in MoySklad's order; no call when the product has none. */
    private Uni<List<String>> imageLinks(Connection connection, MoyskladCatalogProduct p) {
        if (p.images() == null || p.images().size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        return clients.call(connection, "list images", true, api -> api.productImages(p.id()))
                .onItem().transformToMulti(page -> Multi.createFrom().iterable(page.rows()))
                .map(MoyskladImage::downloadId)
                .onItem().transformToUniAndConcatenate(id -> clients.call(connection, "image link", true,
                        api -> api.download(id, LINK_SECONDS)).map(response -> {
                            String location = response.getHeaderString("Location");
                            if (response.getStatus() / 100 != 3 || location == null) {
                                throw new ExternalApiException(MoyskladClients.SYSTEM, response.getStatus(),
                                        "download " + id + " gave no link", null);
                            }
                            return location;
                        }))
                .collect().asList();
    }
}

package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.ImageDownloads;
import dev.enlace.connector.moysklad.client.MoyskladCatalogProduct;
import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MoySklad as the target of product sync (CA4 inSales -> MoySklad, CA5 with the store as master):
 * name, description, SKU ({@code article}), the sale price of the tenant's price type (CA7, {@link PriceTypes};
 * the default type without a choice) in kopecks,
 * the product folder named by the snapshot's first group (found by name, created when missing) and,
 * with images on (CA8), the images, downloaded and sent as base64 since MoySklad takes no links.
 * MoySklad keeps the SKU and price per product here: a snapshot's first variant carries them.
 */
@ApplicationScoped
public class MoyskladProductWriter implements ProductWriter {

    private final MoyskladClients clients;
    private final ImageDownloads downloads;
    /** Folder hrefs by account and name, so a catalogue of thousands asks for each folder once. */
    private final Map<String, Uni<String>> folders = new ConcurrentHashMap<>();
    /** The chosen (or default) price type's href per account and choice. */
    private final Map<String, Uni<String>> priceTypes = new ConcurrentHashMap<>();

    public MoyskladProductWriter(MoyskladClients clients, ImageDownloads downloads) {
        this.clients = clients;
        this.downloads = downloads;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public Uni<ProductSnapshot> create(Connection connection, ProductSnapshot product, WriteOptions options) {
        // syncId makes the create idempotent: a retry after a time-out, or a run started again after a
        // crash between the create and the link, gets the same product instead of a second one
        return body(connection, product)
                .invoke(body -> body.put("syncId", syncId(product).toString()))
                .chain(body -> clients.call(connection, "create product", true, api -> api.createProduct(body)))
                // a repeated create (same syncId) finds the images it added the first time
                .chain(created -> options.withImages() && (created.images() == null || created.images().size() == 0)
                        ? addImages(connection, created.id(), product.imageUrls()).map(images -> snapshot(connection, created, images))
                        : read(connection, created.id()));
    }

    /** Images are added only where the product has none, so pictures set by hand in MoySklad stay. */
    @Override
    public Uni<ProductSnapshot> update(Connection connection, String productId, ProductSnapshot product,
            WriteOptions options) {
        return body(connection, product)
                .chain(body -> clients.call(connection, "update product", true,
                        api -> api.updateCatalogProduct(productId, body)))
                .chain(updated -> options.withImages() ? clients.call(connection, "list images", true,
                                api -> api.images(productId))
                        .chain(images -> images.rows().isEmpty()
                                ? addImages(connection, productId, product.imageUrls()).replaceWithVoid()
                                : Uni.createFrom().voidItem())
                        : Uni.createFrom().voidItem())
                .chain(() -> read(connection, productId));
    }

    private Uni<Map<String, Object>> body(Connection connection, ProductSnapshot product) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", product.name());
        body.put("description", product.description());
        ProductSnapshot.VariantSnapshot first = product.variants() == null || product.variants().isEmpty() ? null
                : product.variants().get(0);
        if (first != null && first.sku() != null && !first.sku().isBlank()) {
            body.put("article", first.sku());
        }
        Uni<Void> prices = first == null || first.price() == null ? Uni.createFrom().voidItem()
                : priceType(connection)
                        .invoke(href -> body.put("salePrices", List.of(Map.of(
                                "value", first.price().amount().multiply(PriceTypes.KOPECKS).doubleValue(),
                                "priceType", Map.of("meta", meta(href, "pricetype"))))))
                        .replaceWithVoid();
        String group = product.categories() == null || product.categories().isEmpty() ? null : product.categories().get(0);
        Uni<Void> folder = group == null ? Uni.createFrom().voidItem() : folder(connection, group)
                .invoke(href -> body.put("productFolder", Map.of("meta", meta(href, "productfolder"))))
                .replaceWithVoid();
        return prices.chain(() -> folder).replaceWith(body);
    }

    private Uni<String> priceType(Connection connection) {
        String choice = PriceTypes.choice(connection).orElse(null);
        Uni<String> read = choice == null
                ? clients.call(connection, "read default price type", true, api -> api.defaultPriceType())
                        .map(type -> type.meta().href())
                : clients.call(connection, "read price types", true, api -> api.priceTypes())
                        .map(types -> types.stream().filter(t -> PriceTypes.matches(t, choice)).findFirst()
                                .orElseThrow(() -> new IllegalStateException("MoySklad account has no price type '" + choice
                                        + "' (settings.catalog.priceList)"))
                                .meta().href());
        return priceTypes.computeIfAbsent(account(connection) + "#" + choice, k -> read
                .onFailure().invoke(() -> priceTypes.remove(k))
                .memoize().indefinitely());
    }

    private static String account(Connection connection) {
        return connection.baseUrl() + "#" + connection.property("accountId").orElse("");
    }

    private Uni<String> folder(Connection connection, String name) {
        String key = account(connection) + "#" + name;
        return folders.computeIfAbsent(key, k -> findOrCreateFolder(connection, name)
                        .onFailure().invoke(() -> folders.remove(k))
                        .memoize().indefinitely());
    }

    private Uni<String> findOrCreateFolder(Connection connection, String name) {
        return clients.call(connection, "find product folder", true,
                        api -> api.folders("name=" + name.replace(";", "\\;"), 1, 0))
                .chain(page -> page.rows().isEmpty()
                        ? clients.call(connection, "create product folder", false,
                                api -> api.createFolder(Map.of("name", name))).map(f -> f.meta().href())
                        : Uni.createFrom().item(page.rows().get(0).meta().href()));
    }

    /** MoySklad keeps at most 10 images per product; answers the hrefs of the product's images. */
    private Uni<List<String>> addImages(Connection connection, String productId, List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(urls.stream().limit(10).toList())
                .onItem().transformToUniAndConcatenate(url -> downloads.download(url)
                        .chain(bytes -> clients.call(connection, "add product image", false,
                                api -> api.addImage(productId, Map.of("filename", filename(url),
                                        "content", Base64.getEncoder().encodeToString(bytes))))))
                .collect().last()
                .map(images -> images.stream().map(i -> i.meta().href()).toList());
    }

    private Uni<ProductSnapshot> read(Connection connection, String productId) {
        return clients.call(connection, "read product", true, api -> api.catalogProduct(productId))
                .chain(p -> clients.call(connection, "list images", true, api -> api.images(productId))
                        .map(images -> snapshot(connection, p, images.rows().stream()
                                .map(i -> i.meta().href()).toList())));
    }

    static ProductSnapshot snapshot(Connection connection, MoyskladCatalogProduct p, List<String> images) {
        Money price = PriceTypes.price(connection, p.salePrices());
        List<String> groups = p.pathName() == null || p.pathName().isEmpty() ? List.of()
                : List.of(p.pathName().substring(p.pathName().lastIndexOf('/') + 1));
        // a product without variants is its own single variant, as in the link table (CA1)
        return new ProductSnapshot(MoyskladClients.SYSTEM, p.id(), p.name(), p.description(),
                p.archived() ? "archived" : "active", groups, images,
                List.of(new ProductSnapshot.VariantSnapshot(p.id(), p.article(), null, price, List.of())));
    }

    /** The same source product (and variant) always gets the same syncId. */
    static UUID syncId(ProductSnapshot product) {
        String variant = product.variants().isEmpty() ? "" : String.valueOf(product.variants().get(0).variantId());
        return UUID.nameUUIDFromBytes(("enlace:" + product.system() + ":" + product.productId() + ":" + variant)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> meta(String href, String type) {
        return Map.of("href", href, "type", type, "mediaType", "application/json");
    }

    private static String filename(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "image.jpg" : name;
    }
}

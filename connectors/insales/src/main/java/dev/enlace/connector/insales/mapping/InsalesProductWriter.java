package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesCatalogProduct;
import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductSnapshot.VariantSnapshot;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * inSales as the target of product sync (CA3, CA4 MoySklad -> inSales, CA5 with the ERP as master): title,
 * description, variants (SKU, barcode, price, the options as the variant's title), the groups as storefront
 * collections (a path {@code A/B} is the collection B inside A, found by title or created) joined through collects,
 * and with images on (CA8) the pictures, given to the shop by URL ({@code src}) to fetch.
 * <p>
 * A new product goes into the shop's first root category ({@code category_id} is required; "Каталог" is created
 * in a shop without one), hidden when asked (CA3) and with stock 0 until stock sync sends the real one. An update
 * never touches visibility or stock. The ERP being master, an update makes the collections and (images on) the
 * pictures match the source: collects to other collections are removed, and when the picture file names differ
 * the pictures are replaced. Store variants are matched by SKU (a single variant on both sides is the same one);
 * an ERP variant the store lacks is added, a store variant the ERP lacks is left alone. The answer is the product
 * read back as {@link InsalesProductCatalog} reads it, so the echo of this write hashes the same.
 */
@ApplicationScoped
public class InsalesProductWriter implements ProductWriter {
    static final String DEFAULT_CATEGORY = "Каталог";

    private final InsalesClients clients;
    private final InsalesProductCatalog catalog;
    /** The root category new products go into, per shop. */
    private final Map<String, Uni<Long>> categories = new ConcurrentHashMap<>();
    /** Collection ids per shop and group path, so a catalogue of thousands resolves each group once. */
    private final Map<String, Uni<Long>> collections = new ConcurrentHashMap<>();

    public InsalesProductWriter(InsalesClients clients, InsalesProductCatalog catalog) {
        this.clients = clients;
        this.catalog = catalog;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public Uni<ProductSnapshot> create(Connection connection, ProductSnapshot product, WriteOptions options) {
        return category(connection).chain(category -> {
            Map<String, Object> body = productFields(product);
            body.put("category_id", category);
            body.put("is_hidden", options.createDisabled());
            List<Map<String, Object>> variants = new ArrayList<>();
            for (VariantSnapshot v : variantsOf(product)) {
                Map<String, Object> fields = variantFields(v);
                // stock-service sends the real stock once the variant is linked; null would mean "not tracked"
                fields.put("quantity", 0);
                variants.add(fields);
            }
            body.put("variants_attributes", variants);
            return clients.call(connection, "create product", false, api -> api.createProduct(Map.of("product", body)));
        }).chain(created -> {
            String id = String.valueOf(created.id());
            return syncCollections(connection, id, product.categories(), List.of())
                    .chain(() -> options.withImages() ? addImages(connection, id, product.imageUrls()) : Uni.createFrom().voidItem())
                    .chain(() -> readBack(connection, id));
        });
    }

    @Override
    public Uni<ProductSnapshot> update(Connection connection, String productId, ProductSnapshot product,
            WriteOptions options) {
        return clients.call(connection, "read product", true, api -> api.catalogProduct(productId))
                .call(current -> clients.call(connection, "update product", true,
                        api -> api.updateProduct(productId, Map.of("product", productFields(product)))))
                .call(current -> syncVariants(connection, productId, current, product))
                .call(current -> clients.call(connection, "list collects", true, api -> api.collects(productId))
                        .chain(collects -> syncCollections(connection, productId, product.categories(), collects)))
                .call(current -> options.withImages() ? syncImages(connection, productId, current, product.imageUrls())
                        : Uni.createFrom().voidItem())
                .chain(() -> readBack(connection, productId));
    }

    private Uni<ProductSnapshot> readBack(Connection connection, String productId) {
        return catalog.product(connection, productId).map(found -> found.orElseThrow(() -> new ExternalApiException(
                InsalesClients.SYSTEM, 404, "product " + productId + " is gone right after it was written", null)));
    }

    private static Map<String, Object> productFields(ProductSnapshot product) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", product.name());
        fields.put("description", product.description());
        return fields;
    }

    private static List<VariantSnapshot> variantsOf(ProductSnapshot product) {
        return product.variants() == null ? List.of() : product.variants();
    }

    /** SKU, barcode, the options as the title, and the price where the snapshot has one (a CA4 skeleton has none). */
    private static Map<String, Object> variantFields(VariantSnapshot v) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sku", v.sku());
        fields.put("barcode", v.barcode());
        fields.put("title", title(v));
        if (v.price() != null) {
            fields.put("price", v.price().amount().toPlainString());
        }
        return fields;
    }

    static String title(VariantSnapshot v) {
        List<String> options = v.options() == null ? List.of()
                : v.options().stream().filter(o -> o != null && !o.isBlank()).toList();
        return options.isEmpty() ? null : String.join(" / ", options);
    }

    // ---- variants ----

    /** Matched variants change in group updates of at most 100; ERP variants the store lacks are added. */
    private Uni<Void> syncVariants(Connection connection, String productId, InsalesCatalogProduct current,
            ProductSnapshot product) {
        List<InsalesCatalogProduct.Variant> store = current.variants() == null ? List.of() : current.variants();
        List<VariantSnapshot> erp = variantsOf(product);
        List<Map<String, Object>> changes = new ArrayList<>();
        List<VariantSnapshot> missing = new ArrayList<>();
        for (VariantSnapshot v : erp) {
            InsalesCatalogProduct.Variant match = store.stream()
                    .filter(s -> v.sku() != null && v.sku().equals(s.sku())).findFirst()
                    .orElse(erp.size() == 1 && store.size() == 1 ? store.get(0) : null);
            if (match == null) {
                missing.add(v);
                continue;
            }
            Map<String, Object> fields = variantFields(v);
            fields.put("id", match.id());
            changes.add(fields);
        }
        List<Uni<Void>> calls = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += InsalesClients.GROUP_UPDATE_MAX) {
            List<Map<String, Object>> group = changes.subList(from, Math.min(changes.size(), from + InsalesClients.GROUP_UPDATE_MAX));
            calls.add(clients.call(connection, "update variants", true, api -> api.updateVariantFields(Map.of("variants", group)))
                    .invoke(statuses -> statuses.stream().filter(s -> !s.ok()).findFirst().ifPresent(s -> {
                        throw new ExternalApiException(InsalesClients.SYSTEM, 422, "variant " + s.id() + ": " + s.errors(), null);
                    })).replaceWithVoid());
        }
        for (VariantSnapshot v : missing) {
            Map<String, Object> fields = variantFields(v);
            fields.put("quantity", 0);
            calls.add(clients.call(connection, "create variant", false,
                    api -> api.createVariant(productId, Map.of("variant", fields))).replaceWithVoid());
        }
        return Multi.createFrom().iterable(calls).onItem().transformToUniAndConcatenate(u -> u).collect().last()
                .replaceWithVoid();
    }

    // ---- collections ----

    /** Collects to the groups' collections are added; collects to any other collection are removed. */
    private Uni<Void> syncCollections(Connection connection, String productId, List<String> groups,
            List<InsalesCatalogProduct.Collect> current) {
        List<String> paths = groups == null ? List.of() : groups.stream().filter(g -> g != null && !g.isBlank()).toList();
        return Multi.createFrom().iterable(paths).onItem().transformToUniAndConcatenate(path -> collection(connection, path))
                .collect().asList()
                .chain(wanted -> {
                    Set<Long> want = new LinkedHashSet<>(wanted);
                    List<Uni<Void>> calls = new ArrayList<>();
                    for (InsalesCatalogProduct.Collect c : current) {
                        if (!want.remove(c.collectionId())) {
                            calls.add(clients.call(connection, "remove collect", true, api -> api.deleteCollect(c.id())));
                        }
                    }
                    for (Long collection : want) {
                        calls.add(clients.call(connection, "add collect", false, api -> api.createCollect(Map.of("collect",
                                Map.of("product_id", Long.parseLong(productId), "collection_id", collection)))).replaceWithVoid());
                    }
                    return Multi.createFrom().iterable(calls).onItem().transformToUniAndConcatenate(u -> u).collect().last()
                            .replaceWithVoid();
                });
    }

    /** The collection at the end of a group path ({@code A/B}: B inside A), each level found by title or created. */
    private Uni<Long> collection(Connection connection, String path) {
        List<String> names = List.of(path.split("/")).stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        String normalised = String.join("/", names);
        String key = InsalesClients.account(connection) + "#" + normalised;
        return collections.computeIfAbsent(key, k -> {
            // deferred: the parent's entry must not be computed inside this one's computeIfAbsent
            Uni<Long> parent = names.size() <= 1 ? Uni.createFrom().nullItem() : Uni.createFrom().deferred(
                    () -> collection(connection, String.join("/", names.subList(0, names.size() - 1))));
            String title = names.get(names.size() - 1);
            return parent.chain(parentId -> clients.call(connection, "list collections", true, api -> api.collections())
                            .chain(all -> all.stream().filter(c -> title.equals(c.title()) && Objects.equals(parentId, c.parentId()))
                                    .findFirst().map(c -> Uni.createFrom().item(c.id()))
                                    .orElseGet(() -> {
                                        Map<String, Object> fields = new HashMap<>();
                                        fields.put("title", title);
                                        fields.put("parent_id", parentId);
                                        return clients.call(connection, "create collection", false,
                                                api -> api.createCollection(Map.of("collection", fields))).map(c -> c.id());
                                    })))
                    .onFailure().invoke(() -> collections.remove(k))
                    .memoize().indefinitely();
        });
    }

    /** The shop's first root category, or a new "Каталог" in a shop that has none. */
    private Uni<Long> category(Connection connection) {
        return categories.computeIfAbsent(InsalesClients.account(connection), k -> clients
                .call(connection, "list categories", true, api -> api.categories())
                .chain(all -> all.stream().filter(c -> c.parentId() == null).findFirst()
                        .map(c -> Uni.createFrom().item(c.id()))
                        .orElseGet(() -> clients.call(connection, "create category", false,
                                api -> api.createCategory(Map.of("category", Map.of("title", DEFAULT_CATEGORY)))).map(c -> c.id())))
                .onFailure().invoke(() -> categories.remove(k))
                .memoize().indefinitely());
    }

    // ---- images ----

    /** Where the pictures' file names differ from the source's, the shop's pictures are replaced by the source's. */
    private Uni<Void> syncImages(Connection connection, String productId, InsalesCatalogProduct current, List<String> urls) {
        List<InsalesCatalogProduct.Image> have = current.images() == null ? List.of() : current.images();
        List<String> wanted = urls == null ? List.of() : urls;
        if (have.stream().map(InsalesCatalogProduct.Image::filename).toList()
                .equals(wanted.stream().map(InsalesProductWriter::filename).toList())) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(have)
                .onItem().transformToUniAndConcatenate(i -> clients.call(connection, "delete image", true,
                        api -> api.deleteImage(productId, i.id())).replaceWith(i))
                .collect().last()
                .chain(() -> addImages(connection, productId, wanted));
    }

    private Uni<Void> addImages(Connection connection, String productId, List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(urls)
                .onItem().transformToUniAndConcatenate(url -> clients.call(connection, "add image", false,
                        api -> api.createImage(productId, Map.of("image", Map.of("src", url)))))
                .collect().last().replaceWithVoid();
    }

    /** The file name a URL gives a picture: its last path segment, without the query (a link's signature). */
    static String filename(String url) {
        String path = url.replaceAll("[?#].*$", "");
        return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
    }
}

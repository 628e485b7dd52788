package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerCatalogProduct;
import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductSnapshot.VariantSnapshot;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes another system's product into a Jumpseller store (CA3, CA5, CA11). A product with one variant and no
 * options becomes a simple product (SKU on the product); otherwise each variant becomes a Jumpseller variant whose
 * options are the snapshot's option values. Stock is never written here: it is stock-service's (ST*), so a new
 * product starts at 0 rather than Jumpseller's default of 100. Fields the source does not hold (no description,
 * no categories) are left as the store has them. With {@code withImages} (CA8) the product's images are made the
 * source's, through the product images endpoints; without it no image call is made.
 */
@ApplicationScoped
public class JumpsellerProductWriter implements ProductWriter {
    /** Guess: the name of the option that tells variants apart, since ERPs give values without a name. */
    static final String OPTION_NAME = "Variante";
    private final JumpsellerClients clients;

    public JumpsellerProductWriter(JumpsellerClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public Uni<ProductSnapshot> create(Connection connection, ProductSnapshot product, WriteOptions options) {
        Map<String, Object> fields = productFields(product);
        fields.put("status", options.createDisabled() ? "disabled" : "available");
        fields.put("stock", 0);
        if (simple(product)) {
            fields.putAll(simpleFields(product));
        } else {
            List<Map<String, Object>> variants = new ArrayList<>();
            for (VariantSnapshot v : product.variants()) {
                Map<String, Object> variant = variantFields(v, true);
                variant.put("stock", 0);
                variants.add(variant);
            }
            fields.put("variants", variants);
        }
        return clients.call(connection, "create product", false, api -> api.createProduct(Map.of("product", fields)))
                .chain(created -> {
                    String id = String.valueOf(created.product().id());
                    List<String> images = options.withImages() ? images(product) : List.of();
                    // the create payload takes no images (ProductEdit): each is added, then the product read back
                    return images.isEmpty() ? Uni.createFrom().item(created)
                            : writeImages(connection, id, List.of(), images).chain(() -> clients.call(connection,
                                    "get product", true, api -> api.catalogProduct(id)));
                })
                .map(w -> snapshot(w.product(), currency(product)));
    }

    @Override
    public Uni<ProductSnapshot> update(Connection connection, String productId, ProductSnapshot product,
            WriteOptions options) {
        return clients.call(connection, "get product", true, api -> api.catalogProduct(productId))
                .chain(current -> {
                    Map<String, Object> fields = productFields(product);
                    Uni<Void> variants = Uni.createFrom().voidItem();
                    if (simple(product) && current.product().variants().isEmpty()) {
                        fields.putAll(simpleFields(product));
                    } else {
                        variants = writeVariants(connection, productId, current.product().variants(), product.variants());
                    }
                    if (options.withImages()) {
                        List<JumpsellerCatalogProduct.Image> held = current.product().images() == null ? List.of()
                                : current.product().images();
                        variants = variants.chain(() -> writeImages(connection, productId, held, images(product)));
                    }
                    // the product last: its answer then shows every variant as written
                    return variants.chain(() -> clients.call(connection, "update product", true,
                            api -> api.writeProduct(productId, Map.of("product", fields))));
                })
                .map(w -> snapshot(w.product(), currency(product)));
    }

    /**
     * Store variants are matched by SKU; what is left is paired in order (a SKU changed in the source), and source
     * variants still without a partner are added.
     */
    private Uni<Void> writeVariants(Connection connection, String productId, List<JumpsellerCatalogProduct.Variant> store,
            List<VariantSnapshot> source) {
        List<JumpsellerCatalogProduct.Variant> free = new ArrayList<>(store);
        Map<VariantSnapshot, JumpsellerCatalogProduct.Variant> pairs = new LinkedHashMap<>();
        for (VariantSnapshot v : source) {
            free.stream().filter(s -> v.sku() != null && v.sku().equals(s.sku())).findFirst().ifPresent(s -> {
                pairs.put(v, s);
                free.remove(s);
            });
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (VariantSnapshot v : source) {
            JumpsellerCatalogProduct.Variant target = pairs.containsKey(v) ? pairs.get(v) : free.isEmpty() ? null : free.remove(0);
            // the store's own options (e.g. "Talla: Única") stay where the source has none to give
            Map<String, Object> body = Map.of("variant", variantFields(v, target == null || hasOptions(v)));
            if (target == null) {
                chain = chain.chain(() -> clients.call(connection, "create variant", false,
                        api -> api.createVariant(productId, body))).replaceWithVoid();
            } else if (!same(target, v)) {
                chain = chain.chain(() -> clients.call(connection, "update variant", true,
                        api -> api.writeVariant(productId, String.valueOf(target.id()), body))).replaceWithVoid();
            }
        }
        return chain;
    }

    /**
     * CA8: the store's images become the source's. A store image stands for the source image with the same URL or,
     * where the store re-hosted the picture, the same file name (README guess 22), so a repeated push adds nothing; store
     * images that stand for no source image are deleted, so an image removed at the source goes from the store too.
     */
    private Uni<Void> writeImages(Connection connection, String productId, List<JumpsellerCatalogProduct.Image> store,
            List<String> source) {
        List<String> missing = new ArrayList<>(source);
        List<JumpsellerCatalogProduct.Image> surplus = new ArrayList<>();
        for (JumpsellerCatalogProduct.Image image : store) {
            String match = missing.stream().filter(url -> url.equals(image.url())).findFirst()
                    .or(() -> missing.stream().filter(url -> sameFile(url, image.url())).findFirst()).orElse(null);
            if (match == null) {
                surplus.add(image);
            } else {
                missing.remove(match);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JumpsellerCatalogProduct.Image image : surplus) {
            // gone already (a retried call, the shop owner): nothing left to do
            chain = chain.chain(() -> clients.call(connection, "delete image", true,
                            api -> api.deleteImage(productId, String.valueOf(image.id())))
                    .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404).recoverWithItem("")
                    .replaceWithVoid());
        }
        for (String url : missing) {
            Map<String, Object> body = Map.of("image", Map.of("url", url, "position", source.indexOf(url) + 1));
            chain = chain.chain(() -> clients.call(connection, "add image", false, api -> api.addImage(productId, body)))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** The source's image URLs, each once. */
    private static List<String> images(ProductSnapshot product) {
        return product.imageUrls() == null ? List.of()
                : product.imageUrls().stream().filter(Objects::nonNull).filter(u -> !u.isBlank()).distinct().toList();
    }

    private static boolean sameFile(String a, String b) {
        String fa = fileName(a);
        return fa != null && fa.equals(fileName(b));
    }

    /** The last path segment, without query: what a CDN copy of a picture usually keeps. */
    private static String fileName(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = java.net.URI.create(url.trim()).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return name.isBlank() ? null : name;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean same(JumpsellerCatalogProduct.Variant store, VariantSnapshot source) {
        return Objects.equals(store.sku(), source.sku()) && Objects.equals(store.barcode(), source.barcode())
                && (source.price() == null || (store.price() != null && store.price().compareTo(source.price().amount()) == 0))
                && (!hasOptions(source) || store.options() != null && store.options().stream()
                        .map(JumpsellerCatalogProduct.Option::value).toList().equals(List.of(optionValue(source))));
    }

    static boolean simple(ProductSnapshot product) {
        return product.variants() == null || product.variants().size() <= 1
                && (product.variants().isEmpty() || product.variants().get(0).options() == null
                        || product.variants().get(0).options().isEmpty());
    }

    private static Map<String, Object> productFields(ProductSnapshot product) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", product.name());
        if (product.description() != null) {
            fields.put("description", product.description());
        }
        // Jumpseller requires a product price; with variants it is the lowest, as a "from" price
        product.variants().stream().map(VariantSnapshot::price).filter(Objects::nonNull).map(Money::amount)
                .min(BigDecimal::compareTo).ifPresent(price -> fields.put("price", price));
        if (product.categories() != null && !product.categories().isEmpty()) {
            fields.put("categories", product.categories().stream().map(name -> Map.of("name", name)).toList());
        }
        return fields;
    }

    private static Map<String, Object> simpleFields(ProductSnapshot product) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!product.variants().isEmpty()) {
            VariantSnapshot only = product.variants().get(0);
            fields.put("sku", only.sku());
            fields.put("barcode", only.barcode());
        }
        return fields;
    }

    private static boolean hasOptions(VariantSnapshot v) {
        return v.options() != null && !v.options().isEmpty();
    }

    private static Map<String, Object> variantFields(VariantSnapshot v, boolean withOptions) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", v.sku());
        fields.put("barcode", v.barcode());
        if (v.price() != null) {
            fields.put("price", v.price().amount());
        }
        if (withOptions) {
            fields.put("options", List.of(Map.of("name", OPTION_NAME, "option_type", "option", "value", optionValue(v))));
        }
        return fields;
    }

    /** One option carries all the source's values; a variant without any is told apart by its SKU. */
    private static String optionValue(VariantSnapshot v) {
        return v.options() == null || v.options().isEmpty() ? (v.sku() == null ? "-" : v.sku()) : String.join(" / ", v.options());
    }

    private static String currency(ProductSnapshot product) {
        return product.variants().stream().map(VariantSnapshot::price).filter(Objects::nonNull).map(Money::currency)
                .findFirst().orElse("CLP");
    }

    /** The product as the store now holds it; Jumpseller prices carry no currency, so the source's is kept. */
    public static ProductSnapshot snapshot(JumpsellerCatalogProduct p, String currency) {
        List<VariantSnapshot> variants = p.variants() == null || p.variants().isEmpty()
                ? List.of(new VariantSnapshot(null, p.sku(), p.barcode(), money(p.price(), currency), List.of()))
                : p.variants().stream().map(v -> new VariantSnapshot(String.valueOf(v.id()), v.sku(), v.barcode(),
                        money(v.price(), currency), v.options() == null ? List.of()
                                : v.options().stream().map(JumpsellerCatalogProduct.Option::value).toList())).toList();
        return new ProductSnapshot(JumpsellerClients.SYSTEM, String.valueOf(p.id()), p.name(), p.description(), p.status(),
                p.categories() == null ? List.of() : p.categories().stream().map(JumpsellerCatalogProduct.Category::name).toList(),
                p.images() == null ? List.of() : p.images().stream().map(JumpsellerCatalogProduct.Image::url).toList(),
                variants);
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}

package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.connector.framework360.client.Fw360Product;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductSnapshot.VariantSnapshot;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes the ERP's product into a Framework360 site (CA3, CA5, CA8, CA11), the Smarty plugin's "products Smarty →
 * Framework360", through the guessed {@code products/create}, {@code products/get} and {@code products/update}
 * (Framework360 publishes no product API; see Framework360Guesses). A product with one variant and no options
 * becomes a product without variants (SKU and price on it); otherwise each variant becomes a site variant named by
 * its option values. Stock is never written here: it is stock-service's (ST1), so new products and variants start at
 * 0. Status is written only on create (CA3: hidden). Fields the source does not hold (no description, no categories,
 * no images) are left as the site has them; images only when the tenant syncs them (CA8).
 */
@ApplicationScoped
public class Framework360ProductWriter implements ProductWriter {
    static final String ACTIVE = "attivo";
    static final String INACTIVE = "disattivo";
    private final Framework360Clients clients;

    public Framework360ProductWriter(Framework360Clients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public Uni<ProductSnapshot> create(Connection connection, ProductSnapshot product, WriteOptions options) {
        boolean simple = simple(product);
        VariantSnapshot only = simple && !product.variants().isEmpty() ? product.variants().get(0) : null;
        List<Fw360Product.VariantWrite> variants = simple ? null : product.variants().stream()
                .map(v -> new Fw360Product.VariantWrite(null, v.sku(), variantName(v), amount(v), v.barcode(),
                        Framework360Guesses.NEW_STOCK)).toList();
        Fw360Product.Write write = new Fw360Product.Write(null, only == null ? null : only.sku(), product.name(),
                product.description(), price(product), only == null ? null : only.barcode(), !options.createDisabled(),
                simple ? Framework360Guesses.NEW_STOCK : null, categories(product), images(product, options), variants);
        return clients.call(connection, "create product", false, api -> api.createProduct(write))
                .map(d -> snapshot(d.data()));
    }

    @Override
    public Uni<ProductSnapshot> update(Connection connection, String productId, ProductSnapshot product,
            WriteOptions options) {
        long id = Long.parseLong(productId);
        return clients.call(connection, "get product", true, api -> api.product(id)).chain(current -> {
            List<Fw360Product.Variant> store = current.data().varianti() == null ? List.of() : current.data().varianti();
            boolean simple = simple(product) && store.isEmpty();
            VariantSnapshot only = simple && !product.variants().isEmpty() ? product.variants().get(0) : null;
            Fw360Product.Write write = new Fw360Product.Write(id, only == null ? null : only.sku(), product.name(),
                    product.description(), price(product), only == null ? null : only.barcode(), null, null,
                    categories(product), images(product, options), simple ? null : variants(store, product.variants()));
            return clients.call(connection, "update product", true, api -> api.updateProduct(write));
        }).map(d -> snapshot(d.data()));
    }

    /**
     * Site variants are matched by SKU; what is left is paired in order (a SKU changed in the source), and source
     * variants still without a partner are added. Site variants the source no longer has are left alone.
     */
    private static List<Fw360Product.VariantWrite> variants(List<Fw360Product.Variant> store, List<VariantSnapshot> source) {
        List<Fw360Product.Variant> free = new ArrayList<>(store);
        List<VariantSnapshot> unmatched = new ArrayList<>();
        List<Fw360Product.VariantWrite> out = new ArrayList<>();
        for (VariantSnapshot v : source) {
            Fw360Product.Variant same = free.stream().filter(s -> v.sku() != null && v.sku().equals(s.sku())).findFirst().orElse(null);
            if (same == null) {
                unmatched.add(v);
            } else {
                free.remove(same);
                out.add(variantWrite(same.id(), v));
            }
        }
        for (VariantSnapshot v : unmatched) {
            out.add(free.isEmpty() ? new Fw360Product.VariantWrite(null, v.sku(), variantName(v), amount(v), v.barcode(),
                    Framework360Guesses.NEW_STOCK) : variantWrite(free.remove(0).id(), v));
        }
        return out;
    }

    private static Fw360Product.VariantWrite variantWrite(long id, VariantSnapshot v) {
        return new Fw360Product.VariantWrite(id, v.sku(), variantName(v), amount(v), v.barcode(), null);
    }

    static boolean simple(ProductSnapshot product) {
        return product.variants() == null || product.variants().size() <= 1
                && (product.variants().isEmpty() || product.variants().get(0).options() == null
                        || product.variants().get(0).options().isEmpty());
    }

    /** The site wants a product price; with variants it is the lowest, as a "from" price. */
    private static BigDecimal price(ProductSnapshot product) {
        return product.variants().stream().map(Framework360ProductWriter::amount).filter(Objects::nonNull)
                .min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal amount(VariantSnapshot v) {
        return v.price() == null ? null : v.price().amount();
    }

    private static List<String> categories(ProductSnapshot product) {
        return product.categories() == null || product.categories().isEmpty() ? null : product.categories();
    }

    /** CA8: images only where the tenant syncs them and the source has some. */
    private static List<String> images(ProductSnapshot product, WriteOptions options) {
        return !options.withImages() || product.imageUrls() == null || product.imageUrls().isEmpty() ? null
                : product.imageUrls();
    }

    /** The option values in the variant's name; a variant without any is told apart by its SKU. */
    private static String variantName(VariantSnapshot v) {
        return v.options() == null || v.options().isEmpty() ? v.sku()
                : String.join(Framework360Guesses.VARIANT_NAME_SEPARATOR, v.options());
    }

    /** The product as the site now holds it (prices in euro, the variant name's parts as options). */
    public static ProductSnapshot snapshot(Fw360Product p) {
        String productId = String.valueOf(p.id());
        List<VariantSnapshot> variants = p.varianti() == null || p.varianti().isEmpty()
                ? List.of(new VariantSnapshot(null, p.sku(), p.ean(), money(p.prezzo()), List.of()))
                : p.varianti().stream().map(v -> new VariantSnapshot(String.valueOf(v.id()), v.sku(), v.ean(),
                        money(v.prezzo() != null ? v.prezzo() : p.prezzo()), v.nome() == null ? List.of()
                                : Arrays.asList(v.nome().split(java.util.regex.Pattern.quote(Framework360Guesses.VARIANT_NAME_SEPARATOR))))).toList();
        return new ProductSnapshot(Framework360Clients.SYSTEM, productId, p.nome(), p.descrizione(),
                Boolean.FALSE.equals(p.attivo()) ? INACTIVE : ACTIVE, p.categorie() == null ? List.of() : p.categorie(),
                p.immagini() == null ? List.of() : p.immagini(), variants);
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount, Framework360Guesses.CURRENCY);
    }
}

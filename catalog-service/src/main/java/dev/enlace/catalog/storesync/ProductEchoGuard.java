package dev.enlace.catalog.storesync;

import dev.enlace.events.ProductSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * No loops (issue 5): per (tenant, system, product) the hash of the product content Enlace last
 * wrote there, or last pushed from there. A change notification whose content hashes the same is
 * Enlace's own write coming back (or a change of something product sync does not carry, such as
 * stock), and is dropped. One class for both directions of product sync, so the ERP -> store
 * side can use it too.
 *
 * <p>The content is what sync carries and every system reads back the same way: name,
 * description, and each variant's SKU and price. Images and groups are left out, since systems
 * answer them in their own forms (re-hosted URLs, folder paths).
 */
@ApplicationScoped
public class ProductEchoGuard {
    private final Pool pool;

    public ProductEchoGuard(Pool pool) {
        this.pool = pool;
    }

    /** Remembers {@code product} as the state Enlace wrote to (or pushed from) its system. */
    public Uni<Void> remember(String tenant, ProductSnapshot product) {
        return pool.preparedQuery("INSERT INTO product_write_echo (tenant, system, product_id, content_hash, written_at)"
                        + " VALUES ($1, $2, $3, $4, now()) ON CONFLICT (tenant, system, product_id)"
                        + " DO UPDATE SET content_hash = EXCLUDED.content_hash, written_at = now()")
                .execute(Tuple.of(tenant, product.system(), product.productId(), hash(product)))
                .replaceWithVoid();
    }

    /** Whether {@code product} is exactly what Enlace last wrote to or pushed from its system. */
    public Uni<Boolean> isEcho(String tenant, ProductSnapshot product) {
        return pool.preparedQuery("SELECT content_hash FROM product_write_echo WHERE tenant = $1 AND system = $2"
                        + " AND product_id = $3")
                .execute(Tuple.of(tenant, product.system(), product.productId()))
                .map(rows -> rows.size() > 0 && hash(product).equals(rows.iterator().next().getString("content_hash")));
    }

    static String hash(ProductSnapshot product) {
        StringBuilder content = new StringBuilder();
        field(content, product.name());
        field(content, product.description());
        List<ProductSnapshot.VariantSnapshot> variants = product.variants() == null ? List.of() : product.variants();
        for (ProductSnapshot.VariantSnapshot v : variants) {
            field(content, v.sku());
            // 990 and 990.00 are the same price
            field(content, v.price() == null ? null : v.price().amount().stripTrailingZeros().toPlainString()
                    + " " + v.price().currency());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder out, String value) {
        // length-prefixed, so no value can imitate a boundary
        String v = Objects.requireNonNullElse(value, "\u0000");
        out.append(v.length()).append(':').append(v).append('|');
    }
}

package dev.enlace.catalog.sync;

import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductSnapshot.VariantSnapshot;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What product sync carries from one side to the other (CA5), reduced to a hash: name, description, categories,
 * images (by address without query) and each variant's SKU, barcode, price and options. Ids and status are left out, so the same product read
 * back from either system, or read again later, hashes the same while its content is unchanged.
 */
public final class ProductContent {
    private ProductContent() {
    }

    public static String hash(ProductSnapshot product) {
        StringBuilder text = new StringBuilder();
        field(text, product.name());
        field(text, product.description());
        list(text, product.categories());
        list(text, product.imageUrls() == null ? null : product.imageUrls().stream().map(ProductContent::withoutQuery).toList());
        List<VariantSnapshot> variants = product.variants() == null ? List.of() : product.variants().stream()
                .sorted(Comparator.comparing(v -> Objects.toString(v.sku(), ""))).toList();
        for (VariantSnapshot v : variants) {
            field(text, v.sku());
            field(text, v.barcode());
            // 19990 and 19990.00 are the same price
            field(text, v.price() == null ? null : plain(v.price().amount()) + " " + v.price().currency());
            list(text, v.options());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An image is known by its address without the query: a temporary link's signature (MoySklad hands out a new
     * one on every read) says nothing about the picture.
     */
    static String withoutQuery(String url) {
        return url == null ? null : url.replaceAll("[?#].*$", "");
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static void field(StringBuilder text, String value) {
        // length-prefixed, so no value can imitate a separator
        String v = value == null ? "" : value.strip();
        text.append(v.length()).append(':').append(v).append('|');
    }

    private static void list(StringBuilder text, List<String> values) {
        List<String> list = values == null ? List.of() : values;
        text.append('[').append(list.size()).append(']');
        list.forEach(v -> field(text, v));
    }
}

package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.relbase.simulator.Company.Product;

import java.math.BigDecimal;

/**
 * {@code POST /productos} and {@code PUT /productos/{id}}: relbase.md knows no public evidence of them,
 * but relBase's Jumpseller integration creates and updates products (seed text), so they exist in
 * some form. Guessed shape (README "Guesses"): the product's own field names, {@code name} required,
 * {@code code} (SKU) unique per company, {@code url_image} a picture URL relBase keeps.
 */
final class ProductWrites {
    private ProductWrites() {
    }

    static Product create(Api.Req r) {
        Product p = new Product();
        p.name = Api.text(r.body(), "name");
        if (p.name == null || p.name.isBlank()) {
            throw ApiError.unprocessable("name es obligatorio");
        }
        apply(r, p);
        return r.company().addProduct(p);
    }

    static Product update(Api.Req r, Product p) {
        if (p == null) {
            throw ApiError.notFound();
        }
        if (r.body().has("name") && (Api.text(r.body(), "name") == null || Api.text(r.body(), "name").isBlank())) {
            throw ApiError.unprocessable("name es obligatorio");
        }
        if (r.body().has("name")) {
            p.name = Api.text(r.body(), "name");
        }
        apply(r, p);
        p.updatedAt = r.company().now();
        return p;
    }

    /** Fields not sent keep their value. */
    private static void apply(Api.Req r, Product p) {
        JsonNode b = r.body();
        if (b.has("code")) {
            String code = Api.text(b, "code");
            boolean taken = code != null && r.company().products.values().stream()
                    .anyMatch(o -> o != p && code.equals(o.code));
            if (taken) {
                throw ApiError.unprocessable("code ya existe");
            }
            p.code = code;
        }
        if (b.has("barcode")) {
            p.barcode = Api.text(b, "barcode");
        }
        if (b.has("description")) {
            p.description = Api.text(b, "description") == null ? "" : Api.text(b, "description");
        }
        if (b.hasNonNull("price")) {
            try {
                p.price = new BigDecimal(b.get("price").asText());
            } catch (NumberFormatException e) {
                throw ApiError.unprocessable("price no es un número");
            }
        }
        if (b.has("tax_affected")) {
            p.taxAffected = b.get("tax_affected").asBoolean(true);
        }
        if (b.has("url_image")) {
            String url = Api.text(b, "url_image");
            if (url != null && !url.matches("https?://.+")) {
                throw ApiError.unprocessable("url_image no es una URL");
            }
            p.urlImage = url;
        }
    }
}

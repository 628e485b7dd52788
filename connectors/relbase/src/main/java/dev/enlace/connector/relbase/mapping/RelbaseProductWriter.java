package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseCatalogProduct;
import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * relBase as the target of product sync (CA6 Jumpseller -> relBase): name, description, SKU
 * ({@code code}), barcode and price of the snapshot's first variant, since relBase products have no
 * variants (one relBase product per store variant is the caller's choice). The picture goes in only
 * where the relBase product has none, as relBase's own Jumpseller integration does.
 */
@ApplicationScoped
public class RelbaseProductWriter implements ProductWriter {
    static final String CURRENCY = "CLP";
    private final RelbaseClients clients;

    public RelbaseProductWriter(RelbaseClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Uni<ProductSnapshot> create(Connection connection, ProductSnapshot product, WriteOptions options) {
        Map<String, Object> body = body(product);
        if (options.withImages() && !product.imageUrls().isEmpty()) {
            body.put("url_image", product.imageUrls().get(0));
        }
        return clients.call(connection, "create product", false, api -> api.createProduct(body))
                .map(one -> snapshot(one.data()));
    }

    @Override
    public Uni<ProductSnapshot> update(Connection connection, String productId, ProductSnapshot product,
            WriteOptions options) {
        return clients.call(connection, "read product", true, api -> api.catalogProduct(productId)).chain(current -> {
            Map<String, Object> body = body(product);
            boolean hasImage = current.data().urlImage() != null && !current.data().urlImage().isBlank();
            if (options.withImages() && !hasImage && !product.imageUrls().isEmpty()) {
                body.put("url_image", product.imageUrls().get(0));
            }
            return clients.call(connection, "update product", true, api -> api.updateProduct(productId, body));
        }).map(one -> snapshot(one.data()));
    }

    private static Map<String, Object> body(ProductSnapshot product) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", product.name());
        body.put("description", product.description() == null ? "" : product.description());
        ProductSnapshot.VariantSnapshot first = product.variants().isEmpty() ? null : product.variants().get(0);
        if (first != null) {
            if (first.sku() != null && !first.sku().isBlank()) {
                body.put("code", first.sku());
            }
            if (first.barcode() != null) {
                body.put("barcode", first.barcode());
            }
            if (first.price() != null) {
                // pesos have no minor unit
                body.put("price", first.price().amount().setScale(0, RoundingMode.HALF_UP));
            }
        }
        return body;
    }

    static ProductSnapshot snapshot(RelbaseCatalogProduct p) {
        String id = String.valueOf(p.id());
        Money price = p.price() == null ? null : new Money(p.price(), CURRENCY);
        return new ProductSnapshot(RelbaseClients.SYSTEM, id, p.name(), p.description(), "active", List.of(),
                p.urlImage() == null ? List.of() : List.of(p.urlImage()),
                List.of(new ProductSnapshot.VariantSnapshot(id, p.code(), p.barcode(), price, List.of())));
    }
}

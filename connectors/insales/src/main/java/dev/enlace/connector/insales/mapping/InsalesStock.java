package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.connector.insales.client.InsalesStockWrites;
import dev.enlace.connector.insales.client.InsalesVariant;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.StoreStockTarget;
import dev.enlace.platform.connectors.VariantCatalog;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * inSales' side of stock (ST1, ST8) and linking (CA1). Every inSales product has at least one
 * variant and stock lives on variants. A link made to a product alone (no variant id, as the
 * MoySklad integration keeps "inSales product ID") writes to the product's first variant when
 * the product has exactly one (ST8); with several variants it is ambiguous and refused.
 * Unlimited stock (ST7) is a null quantity: inSales then does not track the variant's stock.
 */
@ApplicationScoped
public class InsalesStock implements StoreStockTarget, VariantCatalog {
    private final InsalesClients clients;
    private final InsalesStockWrites writes;
    /** product -> its only variant, so a product-level link costs one lookup, not one per write */
    private final Map<String, Long> onlyVariant = new ConcurrentHashMap<>();

    public InsalesStock(InsalesClients clients, InsalesStockWrites writes) {
        this.clients = clients;
        this.writes = writes;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public Uni<Void> writeStock(Connection connection, ExternalRef variant, long available, boolean unlimited) {
        Integer quantity = unlimited ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(available, Integer.MAX_VALUE));
        if (variant.variantId() != null && !variant.variantId().isBlank()) {
            return writes.write(connection, Long.parseLong(variant.variantId()), quantity);
        }
        String key = InsalesClients.account(connection) + "#" + variant.productId();
        Long known = onlyVariant.get(key);
        if (known == null) {
            return firstVariant(connection, variant.productId(), key)
                    .chain(id -> writes.write(connection, id, quantity));
        }
        // the cached variant may have been replaced in the shop: look again once
        return writes.write(connection, known, quantity)
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404).recoverWithUni(e -> {
                    onlyVariant.remove(key, known);
                    return firstVariant(connection, variant.productId(), key)
                            .chain(id -> writes.write(connection, id, quantity));
                });
    }

    private Uni<Long> firstVariant(Connection connection, String productId, String key) {
        return clients.call(connection, "list product variants", true, api -> api.variants(productId))
                .map(variants -> {
                    if (variants.size() != 1) {
                        throw new ExternalApiException(system(), 422, "product " + productId + " has "
                                + variants.size() + " variants; its stock goes to its first variant only when it has"
                                + " exactly one, so link a variant instead", null);
                    }
                    long id = variants.get(0).id();
                    onlyVariant.put(key, id);
                    return id;
                });
    }

    @Override
    public Multi<CatalogVariant> variants(Connection connection) {
        return clients.all(connection, "list products", (api, page) -> api.products(InsalesClients.PAGE_SIZE, page))
                .filter(p -> !Boolean.TRUE.equals(p.archived()))
                .onItem().transformToIterable(p -> {
                    List<InsalesVariant> variants = p.variants() == null ? List.of() : p.variants();
                    return variants.stream()
                            .map(v -> new CatalogVariant(new ExternalRef(system(), String.valueOf(p.id()), String.valueOf(v.id())),
                                    v.sku(), v.title() == null || v.title().isBlank() ? p.title() : p.title() + " / " + v.title()))
                            .toList();
                });
    }
}

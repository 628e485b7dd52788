package dev.enlace.connector.smarty.mapping;

import dev.enlace.connector.smarty.client.SmartyClients;
import dev.enlace.connector.smarty.client.SmartyProduct;
import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Smarty's sellable units: a product without variations is one; a product with variations sells its variations.
 * Product and variation ids come from different tables, so a variation's variant id is {@code v<id>}: a link
 * key never names a product and a variation at once.
 */
final class SmartyVariants {
    static final String VARIATION_PREFIX = "v";

    private SmartyVariants() {
    }

    /** One sellable unit with its product, SKU, name and stock. */
    record Unit(String productId, String variantId, String sku, String name, BigDecimal stock) {
        ExternalRef ref() {
            return new ExternalRef(SmartyClients.SYSTEM, productId, variantId);
        }

        /** Smarty has no "sell without stock" switch that is known; negative stock reads as negative. */
        ErpStock erpStock(List<String> offices) {
            return new ErpStock(variantId, productId, sku, stock == null ? BigDecimal.ZERO : stock, false, offices);
        }
    }

    static Multi<SmartyProduct> products(SmartyClients clients, Connection connection, String lastUpdateFrom) {
        return clients.all(connection, "list products",
                (api, offset) -> api.products(SmartyClients.PAGE_SIZE, offset, lastUpdateFrom));
    }

    static Multi<Unit> all(SmartyClients clients, Connection connection) {
        return products(clients, connection, null).onItem().transformToIterable(SmartyVariants::units);
    }

    static List<Unit> units(SmartyProduct p) {
        String productId = String.valueOf(p.id());
        if (p.variations() == null || p.variations().isEmpty()) {
            return List.of(new Unit(productId, productId, p.sku(), p.title(), p.stock()));
        }
        return p.variations().stream().map(v -> new Unit(productId, VARIATION_PREFIX + v.id(), v.sku(),
                name(p.title(), v.detail()), v.stock())).toList();
    }

    private static String name(String title, List<SmartyProduct.Detail> detail) {
        if (detail == null || detail.isEmpty()) {
            return title;
        }
        return title + " / " + detail.stream().map(SmartyProduct.Detail::value).collect(Collectors.joining(" / "));
    }
}

package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladAttribute;
import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.connector.moysklad.client.MoyskladProduct;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CA9 for MoySklad: the link lives in a product custom field, "inSales product ID" unless the
 * connection's {@code externalIdAttribute} names another. The field must exist (creating one
 * needs admin rights, so it is left to the account's owner); variants have no custom fields, so
 * the link is per product.
 */
@ApplicationScoped
public class MoyskladProductLinks implements ErpProductLinks {
    static final String DEFAULT_ATTRIBUTE = "inSales product ID";
    private final MoyskladClients clients;

    public MoyskladProductLinks(MoyskladClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public Multi<Link> links(Connection connection) {
        return attribute(connection).onItem().transformToMulti(attr -> clients.all(connection, "list products",
                        (api, offset) -> api.products(null, MoyskladClients.PAGE_SIZE, offset))
                .map(p -> valueOf(p, attr).map(v -> new Link(p.id(), v)))
                .filter(Optional::isPresent).map(Optional::get));
    }

    @Override
    public Uni<Optional<String>> erpProductOf(Connection connection, String storeProductId) {
        // the attribute's href is the filter key; ';' in a value must be escaped
        return attribute(connection).chain(attr -> clients.call(connection, "find linked product", true,
                        api -> api.products(attr.meta().href() + "=" + storeProductId.replace(";", "\\;"), 2, 0)))
                .map(page -> page.rows().stream().findFirst().map(MoyskladProduct::id));
    }

    @Override
    public Uni<Void> keep(Connection connection, String erpProductId, String storeProductId) {
        return attribute(connection).chain(attr -> {
            Map<String, Object> meta = Map.of("href", attr.meta().href(), "type", "attributemetadata",
                    "mediaType", "application/json");
            Map<String, Object> value = new HashMap<>();
            value.put("meta", meta);
            value.put("value", storeProductId == null ? null
                    : "long".equals(attr.type()) ? (Object) Long.parseLong(storeProductId) : storeProductId);
            return clients.call(connection, "write product link", true,
                    api -> api.updateProduct(erpProductId, Map.of("attributes", List.of(value))));
        }).replaceWithVoid();
    }

    private Uni<MoyskladAttribute> attribute(Connection connection) {
        String name = connection.property("externalIdAttribute").orElse(DEFAULT_ATTRIBUTE);
        return clients.call(connection, "read product attributes", true, api -> api.productAttributes())
                .map(page -> page.rows().stream().filter(a -> name.equals(a.name())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("MoySklad account has no product attribute '" + name
                                + "'; create it (type string) in the product settings")));
    }

    private static Optional<String> valueOf(MoyskladProduct p, MoyskladAttribute attr) {
        if (p.attributes() == null) {
            return Optional.empty();
        }
        return p.attributes().stream().filter(v -> attr.id().equals(v.id()) && v.value() != null)
                .map(v -> v.value() instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(v.value()))
                .findFirst();
    }
}

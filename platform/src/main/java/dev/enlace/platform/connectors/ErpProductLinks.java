package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * CA9: an ERP that keeps the link to the store's product in a field of its own product
 * (MoySklad's custom field "inSales product ID"), so the link survives outside Enlace and the
 * ERP's own users see it.
 */
public interface ErpProductLinks extends Capability {

    /** One ERP product and the store product id its field holds. */
    record Link(String erpProductId, String storeProductId) {
    }

    /** Every ERP product whose field holds a store product id. */
    Multi<Link> links(Connection connection);

    /** The ERP product whose field holds this store product id, if any. */
    Uni<Optional<String>> erpProductOf(Connection connection, String storeProductId);

    /** Writes the store product id into the ERP product's field; null clears it. */
    Uni<Void> keep(Connection connection, String erpProductId, String storeProductId);
}

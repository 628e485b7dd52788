package dev.enlace.events;

import java.time.OffsetDateTime;

/** A link between an ERP variant and a store variant was removed (CA2). */
public record ProductUnlinked(
        String tenant,
        String sku,
        ExternalRef erp,
        ExternalRef store,
        String reason,
        OffsetDateTime unlinkedAt) {

    public static final String TYPE = "enlace.catalog.product-unlinked.v1";
}

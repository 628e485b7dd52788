package dev.enlace.events;

import java.time.OffsetDateTime;

/** An ERP variant and a store variant are now the same product for a tenant (CA1, CA2). */
public record ProductLinked(
        String tenant,
        String sku,
        ExternalRef erp,
        ExternalRef store,
        LinkMethod method,
        OffsetDateTime linkedAt) {

    public static final String TYPE = "enlace.catalog.product-linked.v1";
}

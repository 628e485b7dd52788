package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An ERP variant and a store variant are now the same product for a tenant (CA1, CA2, CA3).
 *
 * @param sku      the SKU the link is known by
 * @param erp      the variant in the ERP
 * @param store    the variant in the store
 * @param method   how the link was made: by SKU, by hand or by import
 * @param linkedAt when the link was made
 */
public record ProductLinked(
        String tenant,
        String sku,
        ExternalRef erp,
        ExternalRef store,
        LinkMethod method,
        OffsetDateTime linkedAt) {

    public static final String TYPE = "enlace.catalog.product-linked.v1";

    public ProductLinked {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(erp, "erp");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}

package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A link between an ERP variant and a store variant was removed (CA2).
 *
 * @param sku        the SKU the link was known by
 * @param erp        the variant in the ERP
 * @param store      the variant in the store
 * @param reason     why the link was removed, for a person to read
 * @param unlinkedAt when the link was removed
 */
public record ProductUnlinked(
        String tenant,
        String sku,
        ExternalRef erp,
        ExternalRef store,
        String reason,
        OffsetDateTime unlinkedAt) {

    public static final String TYPE = "enlace.catalog.product-unlinked.v1";

    public ProductUnlinked {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(erp, "erp");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(unlinkedAt, "unlinkedAt");
    }
}

package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

/** Lists every active variant of an account, page by page, within the API's rate limit. */
public interface VariantCatalog extends Capability {
    Multi<CatalogVariant> variants(Connection connection);
}

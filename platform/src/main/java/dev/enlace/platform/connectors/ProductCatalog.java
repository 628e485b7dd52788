package dev.enlace.platform.connectors;

import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Reads a system's products as full snapshots, whichever side masters them (CA3, CA4, CA5, CA6, CA11):
 * the source half of product sync, offered by ERPs and stores alike.
 */
public interface ProductCatalog extends Capability {

    /** Every product of the account, page by page, within the API's rate limit. */
    Multi<ProductSnapshot> products(Connection connection);

    /** One product's current state; empty when the system no longer has it. */
    Uni<Optional<ProductSnapshot>> product(Connection connection, String productId);

    /**
     * Whether the system keeps product images at all (CA8). Where it does not, its snapshots' empty image lists
     * say nothing, and the target's images must be left alone rather than made to match "no images".
     */
    default boolean keepsImages() {
        return true;
    }
}

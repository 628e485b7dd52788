package dev.enlace.platform.connectors;

import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

/**
 * Creates and updates products in a system from another system's snapshot (CA3, CA4, CA5, CA6, CA11): the
 * target half of product sync, offered by ERPs and stores alike.
 */
public interface ProductWriter extends Capability {

    /**
     * How a snapshot is written.
     *
     * @param createDisabled new products are created hidden / not for sale (CA3)
     * @param withImages     images are copied (CA8); where false, the target's images are left as they are
     */
    record WriteOptions(boolean createDisabled, boolean withImages) {
    }

    /** Creates the product; the answer is the product as the target now holds it, with its own ids. */
    Uni<ProductSnapshot> create(Connection connection, ProductSnapshot product, WriteOptions options);

    /** Updates the target's product {@code productId} to match the snapshot; the answer is its new state. */
    Uni<ProductSnapshot> update(Connection connection, String productId, ProductSnapshot product,
            WriteOptions options);
}

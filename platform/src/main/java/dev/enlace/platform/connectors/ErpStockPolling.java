package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

import java.util.List;

/**
 * For ERPs that send no stock webhooks (relBase): the current stock of every variant, read in as
 * few calls as the API allows, so that a poller can find what changed (ST1 by polling).
 *
 * <p>The connector only reads; change detection is the caller's: it compares each {@link ErpStock}
 * with the quantity it saw last for that variant and acts on the differences. Keeping no cursor in
 * the connector means a missed or repeated poll can never lose a change, and works for ERPs that
 * have no "changed since" filter at all.
 */
public interface ErpStockPolling extends Capability {

    /**
     * Every variant's stock summed over {@code offices} (empty = all warehouses), page by page
     * within the API's rate limit; a page is fetched only when the previous one is consumed.
     */
    Multi<ErpStock> allStock(Connection connection, List<String> offices);
}

package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

import java.util.List;

/**
 * Reads the stock of every variant of an ERP account in bulk (ST9 resync and reconciliation):
 * a few paged calls instead of one per variant, which matters under ERP rate limits.
 */
public interface ErpStockSnapshot extends Capability {
    /** @param offices the warehouses to sum; empty = all of them */
    Multi<ErpStock> allStock(Connection connection, List<String> offices);
}

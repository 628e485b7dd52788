package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;

import java.util.List;

/**
 * Reads the stock of every variant of an ERP account in bulk, in as few calls as the API allows
 * (ST9 resync and reconciliation), and for ERPs that send no stock webhooks, polling (ST1): the
 * caller compares each value with the last one it announced, so no cursor is kept here and a
 * missed or repeated read can never lose a change. A page is fetched only when the previous one
 * is consumed.
 */
public interface ErpStockSnapshot extends Capability {
    /** @param offices the warehouses to sum; empty = all of them */
    Multi<ErpStock> allStock(Connection connection, List<String> offices);
}

package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Reads an ERP variant's current stock (ST1, ST8). */
public interface ErpStockSource extends Capability {
    /** @param offices the warehouses to sum; empty = all of them */
    Uni<ErpStock> stock(Connection connection, String variantId, List<String> offices);
}

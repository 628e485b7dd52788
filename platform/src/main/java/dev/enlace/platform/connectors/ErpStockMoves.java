package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * ST2: records a store sale in an ERP's stock where no sale document does it (a stock consumption),
 * and gives the units back when the order is cancelled (a stock reception). Each move is marked with
 * the order ({@link StockMove#marker()}) so that {@link #find} can tell, after a crash or a time-out,
 * whether the ERP already has it.
 */
public interface ErpStockMoves extends Capability {

    /** Records the move; returns the ERP's id of it. Not idempotent: callers look it up with {@link #find} first. */
    Uni<String> record(Connection connection, StockMove move);

    /** The ERP's id of the move already recorded for this order and direction, if any. */
    Uni<Optional<String>> find(Connection connection, StockMove move);
}

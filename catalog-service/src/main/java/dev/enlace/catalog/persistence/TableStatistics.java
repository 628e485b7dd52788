package dev.enlace.catalog.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Refreshes a table's planner statistics right after a bulk change. Until autovacuum gets to it, a
 * table that just received thousands of rows looks empty to the planner, which then nests loops
 * over it: the CA10 status of a fresh 2,000-variant catalogue took 19 s instead of 20 ms.
 */
@ApplicationScoped
public class TableStatistics {
    static final int BULK = 500;
    private static final Set<String> TABLES = Set.of("catalog_variant", "catalog_office_stock", "product_link");
    private final Pool pool;

    public TableStatistics(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> afterChange(String table, int changedRows) {
        if (changedRows < BULK || !TABLES.contains(table)) {
            return Uni.createFrom().voidItem();
        }
        return pool.query("ANALYZE " + table).execute().replaceWithVoid();
    }
}

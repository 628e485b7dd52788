package dev.enlace.stock.flow;

import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.OwnNotifications;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ST2 move worker and the store writer sleep until a row is really written: a statement that writes
 * nothing (the worker's own late-linked-lines insert at the start of every drain, a value equal to the one
 * queued) used to notify them, and the move worker drained again at once, about 1,250 times a second while
 * idle. Rows are of an unknown tenant and never due (done, or sent up to a later revision), out of the workers' way.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class WorkerWakeTest {
    private static final String DATABASE = EnlaceTestResources.databaseName("enlace_stock_test");

    @Test
    void stockMoveInsertThatInsertsNothingWakesNoWorker() throws Exception { // ST2
        try (var own = new OwnNotifications(DATABASE, "enlace_stock_move")) {
            String insert = "INSERT INTO erp_stock_move (tenant, order_id, direction, part, store_system, erp_system,"
                    + " lines_json, state) VALUES ('nobody', 'wake-1', 'OUT', 'wake-1:OUT', 'jumpseller', 'bsale', '[]', 'DONE')"
                    + " ON CONFLICT DO NOTHING";
            assertThat(own.afterRunning(insert)).as("a new move").isEqualTo(1);
            assertThat(own.afterRunning(insert)).as("the same move again: nothing inserted").isZero();
        }
    }

    @Test
    void unchangedQueuedValueWakesNoStoreWriter() throws Exception { // ST1 coalescing
        try (var own = new OwnNotifications(DATABASE, "enlace_store_write")) {
            String queue = "INSERT INTO store_stock_write AS w (tenant, store_system, store_product_id, store_variant_id,"
                    + " sku, available, unlimited, revision, sent_revision) VALUES ('nobody', 'jumpseller', 'p', 'v', 'S', %d,"
                    + " false, 1, 1000) ON CONFLICT (tenant, store_system, store_product_id, store_variant_id) DO UPDATE SET"
                    + " available = EXCLUDED.available, revision = w.revision + 1 WHERE w.available <> EXCLUDED.available";
            assertThat(own.afterRunning(queue.formatted(5))).as("first value").isEqualTo(1);
            assertThat(own.afterRunning(queue.formatted(5))).as("the same value").isZero();
            assertThat(own.afterRunning(queue.formatted(6))).as("a new value").isEqualTo(1);
        }
    }
}

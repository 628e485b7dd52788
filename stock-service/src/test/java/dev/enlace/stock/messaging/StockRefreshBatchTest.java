package dev.enlace.stock.messaging;

import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Readings that arrive within one batch window are recorded by one statement; a variant read twice, by two. */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class StockRefreshBatchTest {
    @Inject
    StockRefresh refresh;
    @Inject
    TenantRegistry tenants;
    @Inject
    Pool pool;

    @Test
    void twoReadingsOfOneVariantInOneBatchAreBothRecordedInArrivalOrder() {
        var acme = tenants.find("acme").orElseThrow();
        String variant = "batch-" + UUID.randomUUID();
        var first = refresh.record(acme, reading(variant, "5"), "test").subscribeAsCompletionStage();
        var second = refresh.record(acme, reading(variant, "6"), "test").subscribeAsCompletionStage();

        assertThat(first.join()).as("first reading changed the level").isTrue();
        assertThat(second.join()).as("second reading changed it again").isTrue();
        var level = pool.preparedQuery("SELECT erp_quantity, available FROM stock_level WHERE tenant = 'acme'"
                + " AND erp_variant_id = $1").execute(Tuple.of(variant)).await().indefinitely().iterator().next();
        assertThat(level.getBigDecimal("erp_quantity")).isEqualByComparingTo("6");
        assertThat(level.getLong("available")).isEqualTo(6);
    }

    private static ErpStock reading(String variant, String quantity) {
        return new ErpStock(variant, null, null, new BigDecimal(quantity), false, List.of());
    }
}

package dev.enlace.stock.flow;

import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.StockChanges;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first stock of new links (ST1, ST9): ProductLinked only records the link; links that arrive together are
 * read with the ERP's stock snapshot, not one variant at a time. The test profile lowers the bulk threshold
 * ({@code enlace.stock.link-bulk-min}) so the tenants' few links take the bulk path.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class LinkedStockSyncTest {
    private static final Pattern BULK_READS = Pattern.compile("enlace_stock_link_first_reads_total\\{read=\"bulk\"[^}]*} ([0-9.E]+)");

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created tenant = SimulatedTenantResources.tenant("allstock");
    private final StockChanges stock = new StockChanges(sims, tenant);

    @Inject
    Pool pool;

    @Test
    void linksArrivingTogetherGetTheirStoreStockFromOneBulkRead_ST9() {
        LinkedTenants.ensureLinked();

        // every SKU gets the ERP's value (both warehouses, as the tenant sells from all), none is left waiting
        for (String sku : tenant.stockOnly()) {
            int expected = StockChanges.expectedInStore(stock.erpAvailable(sku, DemoTenant.OFFICE)
                    + stock.erpAvailable(sku, DemoTenant.WAREHOUSE));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(sims.jumpseller().stock(tenant.storeCode(), sku).stock()).as(sku).isEqualTo(expected));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                        "SELECT count(*) AS n FROM stock_link WHERE initial_pending_at IS NOT NULL").execute()
                .await().indefinitely().iterator().next().getLong("n") == 0);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher bulk = BULK_READS.matcher(metrics);
        assertThat(bulk.find()).as("bulk first reads counted in /q/metrics").isTrue();
        assertThat(Double.parseDouble(bulk.group(1))).isGreaterThan(0);
    }
}

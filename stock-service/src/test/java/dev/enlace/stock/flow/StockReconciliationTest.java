package dev.enlace.stock.flow;

import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.StockChanges;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** ST9 on the allstock tenant: the forced resync and the reconciliation that repairs drift. */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class StockReconciliationTest {
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created tenant = SimulatedTenantResources.tenant("allstock");
    private final StockChanges stock = new StockChanges(sims, tenant);

    @BeforeEach
    void linked() {
        LinkedTenants.ensureLinked();
        for (String sku : tenant.stockOnly()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> storeStock(sku) == expected(sku));
        }
    }

    private int expected(String sku) {
        return StockChanges.expectedInStore(stock.erpAvailable(sku, DemoTenant.OFFICE) + stock.erpAvailable(sku, DemoTenant.WAREHOUSE));
    }

    private int storeStock(String sku) {
        return sims.jumpseller().stock(tenant.storeCode(), sku).stock();
    }

    private Response awaitDone(Response started) {
        String location = started.header("Location");
        assertThat(location).contains("/tenants/allstock/stock/runs/");
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get(location).then().statusCode(200).extract().response(), r -> {
                    assertThat(r.<String>path("status")).as("run failed: %s", r.<String>path("error")).isNotEqualTo("FAILED");
                    return "DONE".equals(r.path("status"));
                });
    }

    @Test
    void forcedResyncSendsEveryLinkedProductAgainAndReportsItsProgress() {
        // someone typed other numbers into the store by hand
        String edited = tenant.stockOnly().get(0);
        sims.jumpseller().setStock(tenant.storeCode(), edited, 999);

        Response started = given().when().post("/tenants/allstock/stock/resync").then().statusCode(202)
                .body("kind", equalTo("RESYNC")).body("id", notNullValue()).extract().response();
        Response done = awaitDone(started);

        int linked = tenant.skus().size();
        assertThat(done.<Integer>path("linked")).isEqualTo(linked);
        assertThat(done.<Integer>path("erpRead")).isEqualTo(linked);
        assertThat(done.<Integer>path("storeQueued")).isEqualTo(linked);
        assertThat(done.<Integer>path("written")).isEqualTo(linked);
        assertThat(done.<Float>path("ratePerSecond")).isPositive();
        assertThat(done.<Integer>path("remainingSeconds")).isZero();
        assertThat(storeStock(edited)).isEqualTo(expected(edited));
    }

    @Test
    void reconciliationRepairsOnlyWhatDriftedAndSaysHowMuch() throws Exception {
        String editedInStore = tenant.stockOnly().get(1);
        String changedSilently = tenant.stockOnly().get(2);
        sims.jumpseller().setStock(tenant.storeCode(), editedInStore, 777);
        // an ERP change whose notification never arrives
        var hook = sims.bsale().webhooks(tenant.cpnId()).get(0);
        sims.bsale().unregisterWebhook(tenant.cpnId(), hook.id());
        try {
            stock.move(changedSilently, 4);
        } finally {
            sims.bsale().registerWebhook(tenant.cpnId(), hook.url(), Set.copyOf(hook.topics()));
        }
        assertThat(storeStock(changedSilently)).isNotEqualTo(expected(changedSilently));

        Response done = awaitDone(given().when().post("/tenants/allstock/stock/reconcile").then().statusCode(202)
                .extract().response());

        assertThat(done.<Integer>path("erpChanged")).isEqualTo(1);
        assertThat(done.<Integer>path("storeRepaired")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(storeStock(editedInStore)).isEqualTo(expected(editedInStore));
            assertThat(storeStock(changedSilently)).isEqualTo(expected(changedSilently));
        });
    }

    @Test
    void progressOfAnUnknownRunIsNotFound() {
        given().when().get("/tenants/allstock/stock/runs/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}

package dev.enlace.stock.flow;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.SmartyTenant;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ST1 from Gestionale Smarty, which sends no webhooks, into a Framework360 site: Enlace polls Smarty's product list
 * at the tenant's interval (10 s here) and writes only what changed.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class SmartyFramework360Test {
    private static KafkaEvents events;
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final SmartyTenant.Created tenant = SimulatedTenantResources.smarty();

    @BeforeAll
    static void linkAll() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.STOCK);
        SmartyTenant.Created smarty = SimulatedTenantResources.smarty();
        try (ContractEvents contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers())) {
            for (String sku : smarty.skus()) {
                String product = String.valueOf(smarty.products().get(sku));
                contract.publish(smarty.id(), sku, new ProductLinked(smarty.id(), sku, new ExternalRef("smarty", product, product),
                        new ExternalRef("framework360", String.valueOf(smarty.storeProducts().get(sku)), null), LinkMethod.SKU,
                        OffsetDateTime.now()));
            }
        }
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private Long store(String sku) {
        return sims.framework360().stock(tenant.site(), sku);
    }

    private long erp(String sku) {
        return sims.smarty().stock(tenant.apiKey(), sku).longValue();
    }

    @Test
    void linkedProductGetsItsSmartyStock() { // ST1
        String sku = tenant.skus().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(erp(sku)).equals(store(sku)));
    }

    @Test
    void stockChangedInSmartyReachesFramework360AtTheNextPollRoundedDown() { // ST1, ST5
        String sku = tenant.skus().get(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(erp(sku)).equals(store(sku)));
        sims.smarty().setStock(tenant.apiKey(), sku, new BigDecimal("3.75"));
        await().atMost(Duration.ofSeconds(40)).until(() -> Long.valueOf(3).equals(store(sku)));
    }

    @Test
    void negativeSmartyStockBecomesZeroInFramework360() { // ST6
        String sku = tenant.skus().get(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(erp(sku)).equals(store(sku)));
        sims.smarty().setStock(tenant.apiKey(), sku, new BigDecimal("-4"));
        await().atMost(Duration.ofSeconds(40)).until(() -> Long.valueOf(0).equals(store(sku)));
    }

    @Test
    void unchangedSmartyStockIsNeitherAnnouncedNorRewritten() { // ST1 change detection
        String sku = tenant.skus().get(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(erp(sku)).equals(store(sku)));
        String key = Topics.key(tenant.id(), sku);
        int announced = events.settle(r -> r.key().equals(key), Duration.ofSeconds(1)).size();
        int writes = sims.framework360().stockWrites(tenant.site(), sku);
        // more than one poll interval passes with no change in Smarty
        assertThat(events.settle(r -> r.key().equals(key), Duration.ofSeconds(13))).hasSize(announced);
        assertThat(sims.framework360().stockWrites(tenant.site(), sku)).isEqualTo(writes);
    }
}

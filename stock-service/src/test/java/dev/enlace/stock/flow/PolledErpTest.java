package dev.enlace.stock.flow;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.RelbaseTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
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

/** ST1 for relBase, which sends no stock webhooks: Enlace polls it at the tenant's interval (10 s here). */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class PolledErpTest {
    private static KafkaEvents events;
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final RelbaseTenant.Created tenant = SimulatedTenantResources.polled();

    @BeforeAll
    static void linkAll() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.STOCK);
        RelbaseTenant.Created polled = SimulatedTenantResources.polled();
        try (ContractEvents contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers())) {
            for (String sku : polled.skus()) {
                String product = String.valueOf(polled.products().get(sku));
                var store = SimulatedTenantResources.simulators().jumpseller().stock(polled.storeCode(), sku);
                contract.publish("polled", sku, new ProductLinked("polled", sku, new ExternalRef("relbase", product, product),
                        new ExternalRef("jumpseller", String.valueOf(store.productId()), null), LinkMethod.SKU,
                        OffsetDateTime.now()));
            }
        }
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private int store(String sku) {
        return sims.jumpseller().stock(tenant.storeCode(), sku).stock();
    }

    private int erp(String sku) {
        return sims.relbase().stock(tenant.companyId(), tenant.products().get(sku), tenant.warehouse()).intValue();
    }

    @Test
    void linkedProductGetsRelbaseStock() {
        String sku = tenant.skus().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == erp(sku));
    }

    @Test
    void stockChangedInRelbaseReachesTheStoreAtTheNextPoll() {
        String sku = tenant.skus().get(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == erp(sku));
        sims.relbase().setStock(tenant.companyId(), tenant.products().get(sku), tenant.warehouse(), new BigDecimal("3.75"));
        await().atMost(Duration.ofSeconds(40)).until(() -> store(sku) == 3);
    }

    @Test
    void aPollThatFindsNothingNewAnnouncesNothing() {
        String sku = tenant.skus().get(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == erp(sku));
        long before = events.settle(r -> r.key().equals(Topics.key("polled", sku)), Duration.ofSeconds(1)).size();
        // more than one poll interval passes with no change in relBase
        assertThat(events.settle(r -> r.key().equals(Topics.key("polled", sku)), Duration.ofSeconds(13))).hasSize((int) before);
    }
}

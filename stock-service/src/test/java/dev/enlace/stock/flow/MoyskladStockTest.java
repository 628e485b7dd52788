package dev.enlace.stock.flow;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.MoyskladTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.awaitility.Awaitility.await;

/** ST1 and ST8 for MoySklad: its stock webhook names what changed since a time; the store sells the sum of all warehouses. */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class MoyskladStockTest {
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final MoyskladTenant.Created tenant = SimulatedTenantResources.sklad();

    @BeforeAll
    static void linkAll() {
        MoyskladTenant.Created sklad = SimulatedTenantResources.sklad();
        try (ContractEvents contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers())) {
            for (String sku : sklad.skus()) {
                var store = SimulatedTenantResources.simulators().jumpseller().stock(sklad.storeCode(), sku);
                contract.publish("sklad", sku, new ProductLinked("sklad", sku,
                        new ExternalRef("moysklad", sklad.products().get(sku), sklad.assortments().get(sku)),
                        new ExternalRef("jumpseller", String.valueOf(store.productId()), null), LinkMethod.SKU,
                        OffsetDateTime.now()));
            }
        }
    }

    private int store(String sku) {
        return sims.jumpseller().stock(tenant.storeCode(), sku).stock();
    }

    /** Stock minus reserve, summed over both warehouses (ST8), whole units (ST5). */
    private int expected(String sku) {
        double sum = 0;
        for (String warehouse : tenant.storeIds()) {
            var level = sims.moysklad().stock(tenant.accountId(), tenant.assortments().get(sku), warehouse);
            sum += level.stock() - level.reserve();
        }
        return (int) Math.max(0, Math.floor(sum));
    }

    @Test
    void linkedProductGetsTheSumOfAllWarehouses() {
        String sku = tenant.skus().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == expected(sku));
    }

    @Test
    void stockMovedInEitherWarehouseReachesTheStoreThroughTheStockWebhook() {
        String sku = tenant.skus().get(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == expected(sku));
        sims.moysklad().moveStock(tenant.accountId(), tenant.assortments().get(sku), tenant.storeIds().get(1), 6, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == expected(sku));
        sims.moysklad().moveStock(tenant.accountId(), tenant.assortments().get(sku), tenant.storeIds().get(0), -3, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> store(sku) == expected(sku));
    }
}

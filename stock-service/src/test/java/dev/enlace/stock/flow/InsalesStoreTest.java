package dev.enlace.stock.flow;

import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.InsalesTenant;
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

/**
 * ST1 into inSales. The first two SKUs are linked to their store variant; the others to the
 * store product only, whose single variant then holds the stock (ST8 first-variant rule).
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class InsalesStoreTest {
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final InsalesTenant.Created tenant = SimulatedTenantResources.insalesShop();

    @BeforeAll
    static void linkAll() {
        InsalesTenant.Created shop = SimulatedTenantResources.insalesShop();
        try (ContractEvents contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers())) {
            for (int i = 0; i < shop.skus().size(); i++) {
                String sku = shop.skus().get(i);
                var product = shop.storeProducts().get(sku);
                String variant = i < 2 ? String.valueOf(product.variantIds().get(0)) : null;
                contract.publish("shop", sku, new ProductLinked("shop", sku,
                        new ExternalRef("bsale", "p", String.valueOf(shop.bsaleVariants().get(sku))),
                        new ExternalRef("insales", String.valueOf(product.productId()), variant), LinkMethod.SKU,
                        OffsetDateTime.now()));
            }
        }
    }

    private Integer store(String sku) {
        return sims.insales().stock(tenant.shop(), tenant.storeProducts().get(sku).variantIds().get(0)).quantity();
    }

    private int erp(String sku) {
        return (int) Math.floor(sims.bsale().stock(tenant.cpnId(), tenant.bsaleVariants().get(sku), 1).quantityAvailable());
    }

    @Test
    void linkedVariantGetsTheErpStock() {
        String sku = tenant.skus().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(erp(sku)).equals(store(sku)));
    }

    @Test
    void productLinkedWithoutAVariantWritesToItsOnlyVariant() { // ST8
        String sku = tenant.skus().get(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(erp(sku)).equals(store(sku)));
    }

    @Test
    void bsaleChangeReachesTheInsalesShop() {
        String sku = tenant.skus().get(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(erp(sku)).equals(store(sku)));
        sims.bsale().setStock(tenant.cpnId(), tenant.bsaleVariants().get(sku), 1, 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(7).equals(store(sku)));
    }
}

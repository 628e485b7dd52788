package dev.enlace.stock.flow;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Links the test tenants' products as catalog-service would announce it, once per JVM: every
 * SKU of acme except its last one (which stays unlinked), every SKU of presale and allstock.
 */
final class LinkedTenants {
    private static boolean linked;

    private LinkedTenants() {
    }

    static synchronized void ensureLinked() {
        if (linked) {
            return;
        }
        linked = true;
        var jumpseller = SimulatedTenantResources.simulators().jumpseller();
        try (ContractEvents contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers())) {
            for (String id : List.of("acme", "presale", "allstock")) {
                DemoTenant.Created tenant = SimulatedTenantResources.tenant(id);
                List<String> skus = id.equals("acme") ? tenant.skus().subList(0, tenant.skus().size() - 1) : tenant.skus();
                for (String sku : skus) {
                    JumpsellerAdmin.StockLevel store = jumpseller.stock(tenant.storeCode(), sku);
                    contract.publish(id, sku, new ProductLinked(id, sku,
                            new ExternalRef("bsale", "p", String.valueOf(tenant.bsaleVariants().get(sku))),
                            new ExternalRef("jumpseller", String.valueOf(store.productId()),
                                    store.variantId() == null ? null : String.valueOf(store.variantId())),
                            LinkMethod.SKU, OffsetDateTime.now()));
                }
            }
        }
    }
}

package dev.enlace.catalog.sync;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.connectors.ProductChangeSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.ingress.WebhookHandler;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CA5 by webhook: the ERP (product master) tells of a product, variant or price change; the product is read back
 * whole and written to the store unless its content is already known (an echo, or a repeated notification).
 */
@ApplicationScoped
public class ErpProductWebhookHandler implements WebhookHandler {
    private final Connectors connectors;
    private final ProductPush push;

    public ErpProductWebhookHandler(Connectors connectors, ProductPush push) {
        this.connectors = connectors;
        this.push = push;
    }

    @Override
    public boolean handles(String system, String topic) {
        return connectors.find(ProductChangeSignals.class, system).map(s -> s.carriesProducts(topic)).orElse(false)
                && connectors.find(ProductCatalog.class, system).isPresent();
    }

    @Override
    public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
        var settings = tenant.settings().catalog();
        if (!Boolean.TRUE.equals(settings.enabled()) || settings.master() != TenantSettings.Master.ERP
                || !delivery.system().equals(tenant.erp().system())) {
            return Uni.createFrom().voidItem();
        }
        ProductCatalog catalog = connectors.require(ProductCatalog.class, delivery.system());
        return connectors.require(ProductChangeSignals.class, delivery.system()).changedProducts(tenant.erp(), delivery)
                .select().distinct()
                .onItem().transformToUniAndConcatenate(id -> catalog.product(ProductPush.erpConnection(tenant), id))
                .filter(found -> found.isPresent())
                .onItem().transformToUniAndConcatenate(found -> push.push(tenant, found.get(), ProductPush.Mode.CHANGE,
                        delivery.causationId()))
                .collect().last().replaceWithVoid();
    }
}

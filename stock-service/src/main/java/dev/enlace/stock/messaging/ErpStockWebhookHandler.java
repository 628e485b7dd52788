package dev.enlace.stock.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStockSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.ingress.WebhookHandler;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** ST1: an ERP's stock webhook (Bsale {@code stock} topic, and every ERP that has one). */
@ApplicationScoped
public class ErpStockWebhookHandler implements WebhookHandler {
    private final Connectors connectors;
    private final StockRefresh refresh;

    public ErpStockWebhookHandler(Connectors connectors, StockRefresh refresh) {
        this.connectors = connectors;
        this.refresh = refresh;
    }

    @Override
    public boolean handles(String system, String topic) {
        return connectors.find(ErpStockSignals.class, system).map(s -> s.carriesStock(topic)).orElse(false);
    }

    @Override
    public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
        var settings = tenant.settings().stock();
        if (!Boolean.TRUE.equals(settings.enabled()) || !delivery.system().equals(tenant.erp().system())) {
            return Uni.createFrom().voidItem();
        }
        // one delivery may name several variants (MoySklad reports what changed since a time); the last one's
        // statement also marks the delivery done
        return connectors.require(ErpStockSignals.class, delivery.system()).changes(tenant.erp(), delivery)
                .filter(signal -> concernsTenantOffices(settings.offices(), signal.officeId()))
                .map(signal -> signal.variantId())
                .select().distinct()
                .collect().asList()
                .chain(variants -> Multi.createFrom().range(0, variants.size())
                        .onItem().transformToUniAndConcatenate(i -> refresh.refresh(tenant, variants.get(i), delivery,
                                i == variants.size() - 1))
                        .collect().last())
                .replaceWithVoid();
    }

    /** ST8: a movement in an office the tenant does not sell from changes nothing in the store. */
    private static boolean concernsTenantOffices(List<String> offices, String officeId) {
        return offices.isEmpty() || officeId == null || offices.contains(officeId);
    }
}

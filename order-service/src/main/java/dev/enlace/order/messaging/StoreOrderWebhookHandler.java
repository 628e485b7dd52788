package dev.enlace.order.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.StoreOrderSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.ingress.WebhookHandler;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** OR1: the order webhooks of every store that has {@link StoreOrderSignals} (Jumpseller, ...). */
@ApplicationScoped
public class StoreOrderWebhookHandler implements WebhookHandler {
    private final Connectors connectors;
    private final StoreOrders orders;

    public StoreOrderWebhookHandler(Connectors connectors, StoreOrders orders) {
        this.connectors = connectors;
        this.orders = orders;
    }

    @Override
    public boolean handles(String system, String topic) {
        return connectors.find(StoreOrderSignals.class, system).map(s -> s.carriesOrders(topic)).orElse(false);
    }

    @Override
    public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
        if (!Boolean.TRUE.equals(tenant.settings().orders().enabled()) || !delivery.system().equals(tenant.store().system())) {
            return Uni.createFrom().voidItem();
        }
        return connectors.require(StoreOrderSignals.class, delivery.system())
                .read(tenant.store(), delivery, tenant.settings().orders().checkoutLabels())
                .chain(change -> change.map(c -> orders.record(tenant, c, delivery.causationId()))
                        .orElse(Uni.createFrom().voidItem()));
    }
}

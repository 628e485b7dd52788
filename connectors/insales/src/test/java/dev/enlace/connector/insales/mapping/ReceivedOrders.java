package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.webhook.InsalesWebhookSource;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.ingress.WebhookHandler;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands where order-service's handler will: keeps every inSales order delivery the inbox hands over. */
@ApplicationScoped
public class ReceivedOrders implements WebhookHandler {
    private final List<InboxDelivery> deliveries = new CopyOnWriteArrayList<>();

    /** A method, not the field: the test holds a client proxy. */
    public List<InboxDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public boolean handles(String system, String topic) {
        return "insales".equals(system) && InsalesWebhookSource.ORDERS.equals(topic);
    }

    @Override
    public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
        deliveries.add(delivery);
        return Uni.createFrom().voidItem();
    }
}

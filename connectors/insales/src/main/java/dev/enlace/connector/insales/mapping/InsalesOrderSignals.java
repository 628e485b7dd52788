package dev.enlace.connector.insales.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.connector.insales.webhook.InsalesWebhookSource;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.connectors.StoreOrderSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * OR1: inSales' {@code orders/create} and {@code orders/update} webhooks. Their body is the whole order, but
 * delivery is not guaranteed, not ordered and not signed (insales.md §8: "validate by re-fetching the order
 * via API"), so the order is read back and its current state is what counts: a late webhook can never move
 * an order backwards.
 */
@ApplicationScoped
public class InsalesOrderSignals implements StoreOrderSignals {
    private final InsalesClients clients;
    private final ObjectMapper mapper;

    public InsalesOrderSignals(InsalesClients clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public boolean carriesOrders(String topic) {
        return InsalesWebhookSource.ORDERS.equals(topic);
    }

    @Override
    public Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery) {
        return read(store, delivery, TenantSettings.CheckoutLabels.DEFAULTS);
    }

    @Override
    public Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery, TenantSettings.CheckoutLabels labels) {
        String orderId;
        try {
            JsonNode id = mapper.readTree(delivery.payload()).path("id");
            orderId = id.isMissingNode() || id.isNull() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("inSales webhook body is not JSON", e));
        }
        if (orderId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return clients.call(store, "read order", true, api -> api.order(orderId))
                .map(order -> Optional.of(InsalesOrderMapping.change(order, labels)))
                // deleted since: nothing left to report
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404)
                .recoverWithItem(Optional.empty());
    }
}

package dev.enlace.connector.jumpseller.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.connectors.StoreOrderSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/**
 * OR1: Jumpseller's order hooks. A hook carries the whole order, but hooks are redelivered and come in any
 * order, so the order is read back from the API and its current state is what counts: a stale hook can
 * never move an order backwards.
 */
@ApplicationScoped
public class JumpsellerOrderSignals implements StoreOrderSignals {
    static final Set<String> ORDER_EVENTS = Set.of("order_pending_payment", "order_paid", "order_updated",
            "order_shipped", "order_canceled", "order_abandoned");

    private final JumpsellerClients clients;
    private final ObjectMapper mapper;

    public JumpsellerOrderSignals(JumpsellerClients clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public boolean carriesOrders(String topic) {
        return ORDER_EVENTS.contains(topic);
    }

    @Override
    public Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery) {
        return read(store, delivery, TenantSettings.CheckoutLabels.DEFAULTS);
    }

    @Override
    public Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery, TenantSettings.CheckoutLabels labels) {
        String orderId;
        try {
            JsonNode id = mapper.readTree(delivery.payload()).path("order").path("id");
            orderId = id.isMissingNode() || id.isNull() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Jumpseller hook body is not JSON", e));
        }
        if (orderId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return clients.order(store, orderId)
                .map(order -> Optional.of(JumpsellerOrderMapping.change(order, labels)))
                // the order was deleted since: nothing left to report
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404)
                .recoverWithItem(Optional.empty());
    }
}

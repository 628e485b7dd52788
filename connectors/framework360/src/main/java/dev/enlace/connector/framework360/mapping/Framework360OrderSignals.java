package dev.enlace.connector.framework360.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.connectors.StoreOrderSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * OR1: Framework360's order webhooks name the order; the order is read back with {@code orders/get}, so its
 * current state counts and a late or repeated webhook can never move it backwards.
 */
@ApplicationScoped
public class Framework360OrderSignals implements StoreOrderSignals {
    private final Framework360Clients clients;
    private final ObjectMapper mapper;

    public Framework360OrderSignals(Framework360Clients clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public boolean carriesOrders(String topic) {
        return Framework360Guesses.ORDER_EVENTS.contains(topic);
    }

    @Override
    public Uni<Optional<OrderChange>> read(Connection store, InboxDelivery delivery) {
        String orderId;
        try {
            JsonNode id = mapper.readTree(delivery.payload()).path("data").path("id");
            orderId = id.isMissingNode() || id.isNull() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Framework360 webhook body is not JSON", e));
        }
        if (orderId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return clients.call(store, "read order", true, api -> api.order(orderId))
                .map(d -> Optional.of(Framework360OrderMapping.change(d.data())))
                // deleted since: nothing left to report
                .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404).recoverWithItem(Optional.empty());
    }
}

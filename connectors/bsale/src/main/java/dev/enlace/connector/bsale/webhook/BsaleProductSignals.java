package dev.enlace.connector.bsale.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.platform.connectors.ProductChangeSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * CA5: Bsale's {@code product} notifications name the product; {@code variant} and {@code price} ones name a
 * variant (bsale.md §10), whose product is read back.
 */
@ApplicationScoped
public class BsaleProductSignals implements ProductChangeSignals {
    private static final Set<String> TOPICS = Set.of("product", "variant", "price");
    private final ObjectMapper mapper;
    private final BsaleClients clients;

    public BsaleProductSignals(ObjectMapper mapper, BsaleClients clients) {
        this.mapper = mapper;
        this.clients = clients;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public boolean carriesProducts(String topic) {
        return TOPICS.contains(topic);
    }

    @Override
    public Multi<String> changedProducts(Connection connection, InboxDelivery delivery) {
        BsaleNotification n;
        try {
            n = BsaleNotification.of(mapper.readTree(delivery.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Uni<String> product = "product".equals(n.topic()) ? Uni.createFrom().item(n.resourceId())
                : clients.call(connection, "get variant", true, api -> api.variant(n.resourceId(), null))
                        .map(v -> v.product() == null ? null : v.product().id());
        return product.toMulti().filter(id -> id != null);
    }
}

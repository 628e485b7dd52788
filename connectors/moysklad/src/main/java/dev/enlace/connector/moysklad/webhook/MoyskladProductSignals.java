package dev.enlace.connector.moysklad.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.connector.moysklad.client.MoyskladMeta;
import dev.enlace.platform.connectors.ProductChangeSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CA5 with MoySklad as product master: entity webhooks on {@code product} and {@code variant}, CREATE and UPDATE
 * (moysklad.md §5), name only hrefs. A product event names its product; a variant event is read back to find its
 * product (a variant gone since is skipped). Every event of a delivery counts, not only the first one the topic
 * is named after.
 */
@ApplicationScoped
public class MoyskladProductSignals implements ProductChangeSignals {
    static final Set<String> TOPICS = Set.of("product.create", "product.update", "variant.create", "variant.update");

    private final ObjectMapper mapper;
    private final MoyskladClients clients;

    public MoyskladProductSignals(ObjectMapper mapper, MoyskladClients clients) {
        this.mapper = mapper;
        this.clients = clients;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public boolean carriesProducts(String topic) {
        return TOPICS.contains(topic);
    }

    @Override
    public Multi<String> changedProducts(Connection connection, InboxDelivery delivery) {
        JsonNode events;
        try {
            events = mapper.readTree(delivery.payload()).path("events");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Uni<String>> products = new ArrayList<>();
        for (JsonNode event : events) {
            String action = event.path("action").asText("");
            if (!action.equals("CREATE") && !action.equals("UPDATE")) {
                continue;
            }
            String type = event.path("meta").path("type").asText("");
            String id = new MoyskladMeta(event.path("meta").path("href").asText(null), type).id();
            if (id == null || id.isBlank()) {
                continue;
            }
            if (type.equals("product")) {
                products.add(Uni.createFrom().item(id));
            } else if (type.equals("variant")) {
                products.add(clients.call(connection, "read variant", true, api -> api.variant(id))
                        .map(v -> v.productId())
                        .onFailure(e -> e instanceof ExternalApiException x && x.status() == 404).recoverWithNull());
            }
        }
        return Multi.createFrom().iterable(products).onItem().transformToUniAndConcatenate(u -> u)
                .filter(id -> id != null).select().distinct();
    }
}

package dev.enlace.connector.insales.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.platform.connectors.StoreProductSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CA5 with the shop as master: {@code products/create} and {@code products/update} deliveries are
 * arrays of products ({@link InsalesWebhookSource}, topic {@code products}); each named product is
 * read back and pushed. Enlace's own stock writes fire {@code products/update} too: the echo guard
 * of catalog-service drops those, since their content did not change.
 */
@ApplicationScoped
public class InsalesProductSignals implements StoreProductSignals {
    private final ObjectMapper mapper;

    public InsalesProductSignals(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public boolean carriesProducts(String topic) {
        return InsalesWebhookSource.PRODUCTS.equals(topic);
    }

    @Override
    public List<String> productIds(InboxDelivery delivery) {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode product : mapper.readTree(delivery.payload())) {
                ids.add(product.path("id").asText());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

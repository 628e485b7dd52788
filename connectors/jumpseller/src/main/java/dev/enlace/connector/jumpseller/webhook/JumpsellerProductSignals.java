package dev.enlace.connector.jumpseller.webhook;

import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.platform.connectors.StoreProductSignals;
import dev.enlace.platform.ingress.InboxDelivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * CA6: {@code product_created} and {@code product_updated} hooks, signed like order hooks; the
 * delivery's partition is {@code product:<id>} ({@link JumpsellerWebhookSource}). Stock-only
 * hooks ({@code product_stock_updated}) carry no product data sync needs.
 */
@ApplicationScoped
public class JumpsellerProductSignals implements StoreProductSignals {
    static final Set<String> TOPICS = Set.of("product_created", "product_updated");

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public boolean carriesProducts(String topic) {
        return TOPICS.contains(topic);
    }

    @Override
    public List<String> productIds(InboxDelivery delivery) {
        return List.of(delivery.partitionKey().substring("product:".length()));
    }
}

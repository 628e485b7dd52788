package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.WebhookDispatcher;

import java.time.Instant;
import java.util.List;

/** A registered webhook; its own dispatcher keeps the attempts of its deliveries apart from other hooks'. */
final class Hook {
    static final List<String> EVENTS = List.of("order_updated", "order_pending_payment", "order_paid", "order_shipped",
            "order_canceled", "order_abandoned", "product_created", "product_updated", "product_deleted",
            "product_stock_updated", "customer_created", "customer_updated", "customer_deleted");

    final long id;
    final Instant createdAt;
    final WebhookDispatcher dispatcher;
    String event;
    String url;
    int consecutiveFailures;
    boolean paused;

    Hook(long id, Instant createdAt, WebhookDispatcher dispatcher) {
        this.id = id;
        this.createdAt = createdAt;
        this.dispatcher = dispatcher;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.putNull("name");
        n.put("event", event);
        n.put("url", url);
        n.put("created_at", Json.date(createdAt));
        n.putNull("application_id");
        return n;
    }
}

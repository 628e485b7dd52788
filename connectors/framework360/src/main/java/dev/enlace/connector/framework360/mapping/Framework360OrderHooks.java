package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.connector.framework360.client.Fw360Site;
import dev.enlace.platform.connectors.StoreOrderHooks;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * OP4: subscribes the site's order events with {@code webhooks/create}. No {@code webhooks/list} is catalogued;
 * creating a webhook that exists is taken to return it unchanged (a guess), so this can run on every start.
 */
@ApplicationScoped
public class Framework360OrderHooks implements StoreOrderHooks {
    private final Framework360Clients clients;

    public Framework360OrderHooks(Framework360Clients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public Uni<Integer> ensureOrderHooks(Connection store, String url) {
        return Multi.createFrom().iterable(Framework360Guesses.ORDER_EVENTS.stream().sorted().toList())
                .onItem().transformToUniAndConcatenate(event -> clients.call(store, "create webhook", true,
                        api -> api.createWebhook(new Fw360Site.NewWebhook(event, url))))
                .filter(d -> d.data() != null && !Boolean.FALSE.equals(d.data().created()))
                .collect().asList().map(java.util.List::size);
    }
}

package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.connector.jumpseller.client.JumpsellerHook;
import dev.enlace.platform.connectors.StoreOrderHooks;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.stream.Collectors;

/** Registers the order hooks {@link JumpsellerOrderSignals} reads, through {@code POST /hooks.json}; existing ones are kept. */
@ApplicationScoped
public class JumpsellerOrderHooks implements StoreOrderHooks {
    private final JumpsellerClients clients;

    public JumpsellerOrderHooks(JumpsellerClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public Uni<Integer> ensureOrderHooks(Connection store, String url) {
        return clients.call(store, "list hooks", true, api -> api.hooks()).chain(existing -> {
            Set<String> present = existing.stream().map(JumpsellerHook.Wrapped::hook)
                    .filter(h -> url.equals(h.url())).map(JumpsellerHook::event).collect(Collectors.toSet());
            Set<String> missing = JumpsellerOrderSignals.ORDER_EVENTS.stream()
                    .filter(event -> !present.contains(event)).collect(Collectors.toSet());
            return Multi.createFrom().iterable(missing)
                    .onItem().transformToUniAndConcatenate(event -> clients.call(store, "create hook", false,
                            api -> api.createHook(new JumpsellerHook.Wrapped(new JumpsellerHook(null, event, url)))))
                    .collect().asList()
                    .map(java.util.List::size);
        });
    }
}

package dev.enlace.connector.moysklad.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.platform.connectors.ErpStockSignals;
import dev.enlace.platform.connectors.StockSignal;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * MoySklad's stock webhook names no item, only "stock changed since T", so {@link #read} finds
 * nothing in it and {@link #changes} asks the API which items changed, per store, with
 * {@code /report/stock/bystore/current?changedSince=T} (whatever {@code reportType} the hook was
 * registered with: per-store rows let ST8 ignore stores the tenant does not sell from).
 */
@ApplicationScoped
public class MoyskladStockSignals implements ErpStockSignals {
    private final ObjectMapper mapper;
    private final MoyskladClients clients;

    public MoyskladStockSignals(ObjectMapper mapper, MoyskladClients clients) {
        this.mapper = mapper;
        this.clients = clients;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public boolean carriesStock(String topic) {
        return MoyskladWebhookSource.STOCK_TOPIC.equals(topic);
    }

    /** Always empty: the item is known only after reading the report, see {@link #changes}. */
    @Override
    public Optional<StockSignal> read(InboxDelivery delivery) {
        return Optional.empty();
    }

    @Override
    public Multi<StockSignal> changes(Connection connection, InboxDelivery delivery) {
        if (!carriesStock(delivery.topic())) {
            return Multi.createFrom().empty();
        }
        StockWebhook hook;
        try {
            hook = StockWebhook.of(mapper.readTree(delivery.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return clients.call(connection, "read changed stock", true,
                        api -> api.stockByStore("stock", null, hook.changedSince()))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> new StockSignal(row.assortmentId(), row.storeId()))
                .select().distinct();
    }
}

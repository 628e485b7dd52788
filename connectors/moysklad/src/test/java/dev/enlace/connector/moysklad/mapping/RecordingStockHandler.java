package dev.enlace.connector.moysklad.mapping;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpStockSignals;
import dev.enlace.platform.connectors.StockSignal;
import dev.enlace.platform.ingress.InboxDelivery;
import dev.enlace.platform.ingress.WebhookHandler;
import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands where stock-service's ERP stock handler stands: takes MoySklad stock deliveries from the
 * inbox and keeps the signals {@link ErpStockSignals#changes} finds, for the tests to read.
 */
@ApplicationScoped
public class RecordingStockHandler implements WebhookHandler {
    static final List<StockSignal> SIGNALS = new CopyOnWriteArrayList<>();
    private final Connectors connectors;

    public RecordingStockHandler(Connectors connectors) {
        this.connectors = connectors;
    }

    @Override
    public boolean handles(String system, String topic) {
        return connectors.find(ErpStockSignals.class, system).map(s -> s.carriesStock(topic)).orElse(false);
    }

    @Override
    public Uni<Void> handle(Tenant tenant, InboxDelivery delivery) {
        return connectors.require(ErpStockSignals.class, delivery.system()).changes(tenant.erp(), delivery)
                .invoke(SIGNALS::add).collect().last().replaceWithVoid();
    }
}

package dev.enlace.connector.bsale.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.platform.connectors.ErpStockSignals;
import dev.enlace.platform.connectors.StockSignal;
import dev.enlace.platform.ingress.InboxDelivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Bsale's {@code stock} topic covers receptions, consumptions, counts and dispatches; its
 * {@code resourceId} is the variant and {@code officeId} the office whose stock moved.
 */
@ApplicationScoped
public class BsaleStockSignals implements ErpStockSignals {
    static final String STOCK_TOPIC = "stock";
    private final ObjectMapper mapper;

    public BsaleStockSignals(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public boolean carriesStock(String topic) {
        return STOCK_TOPIC.equals(topic);
    }

    @Override
    public Optional<StockSignal> read(InboxDelivery delivery) {
        if (!carriesStock(delivery.topic())) {
            return Optional.empty();
        }
        try {
            BsaleNotification n = BsaleNotification.of(mapper.readTree(delivery.payload()));
            return Optional.of(new StockSignal(n.resourceId(), n.officeId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.enlace.stock.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.StockChanged;
import dev.enlace.platform.messaging.EventEnvelope;
import dev.enlace.platform.messaging.ContractConsumer;
import dev.enlace.platform.messaging.ProcessedEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * StockChanged -> the store. Only queues the write (one row per store variant, latest value
 * wins, or every value with {@code enlace.stock.writes.coalescing=false}) and acknowledges; {@link StoreStockWriter} makes the slow outbound call, so the Kafka
 * acknowledgement path never waits for a store's API.
 */
@ApplicationScoped
public class StockEventsConsumer {
    private static final String CONSUMER = "store-writer";

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final Vertx vertx;
    private final boolean everyChange;

    public StockEventsConsumer(ObjectMapper mapper, ProcessedEvents processed, Vertx vertx, StockWriteConfig config) {
        this.mapper = mapper;
        this.processed = processed;
        this.vertx = vertx;
        this.everyChange = !config.coalescing();
    }

    @Incoming("stock-in")
    public Uni<Void> consume(Message<String> message) {
        return ContractConsumer.consume(vertx, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (!StockChanged.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        StockChanged changed = event.data(mapper, StockChanged.class);
        return processed.once(CONSUMER, event.id(),
                () -> StoreWriteQueue.queue(changed.tenant(), changed.erp().variantId(),
                        changed.available() == null ? 0 : changed.available(), changed.unlimited(), false, everyChange))
                .replaceWithVoid();
    }
}

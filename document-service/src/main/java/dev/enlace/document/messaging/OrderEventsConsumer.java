package dev.enlace.document.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.document.domain.DocumentPlan;
import dev.enlace.document.domain.DocumentPlan.State;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderShipped;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.messaging.ContractConsumer;
import dev.enlace.platform.messaging.EventEnvelope;
import dev.enlace.platform.messaging.ProcessedEvents;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Optional;

/**
 * Turns order events into reserved document rows and acknowledges; nothing here calls the ERP (DO1, DO3,
 * DO4, DO5). A tenant with documents off gets nothing (DO2).
 */
@ApplicationScoped
public class OrderEventsConsumer {
    private static final String CONSUMER = "documents-orders";
    /** A sale document that never reached the ERP can simply be dropped when its order is cancelled. */
    private static final List<State> NOT_SENT = List.of(State.AWAITING_CHOICE, State.PENDING_LINKS, State.READY);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final TenantRegistry tenants;
    private final LegalDocuments documents;
    private final Vertx vertx;

    public OrderEventsConsumer(ObjectMapper mapper, ProcessedEvents processed, TenantRegistry tenants,
            LegalDocuments documents, Vertx vertx) {
        this.mapper = mapper;
        this.processed = processed;
        this.tenants = tenants;
        this.documents = documents;
        this.vertx = vertx;
    }

    @Incoming("orders-in")
    public Uni<Void> consume(Message<String> message) {
        return ContractConsumer.consume(vertx, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (OrderPaid.TYPE.equals(event.type())) {
            OrderPaid paid = event.data(mapper, OrderPaid.class);
            return when(paid.tenant(), event, s -> paid(paid.tenant(), s, paid.order(), event.id()));
        }
        if (OrderCancelled.TYPE.equals(event.type())) {
            OrderCancelled cancelled = event.data(mapper, OrderCancelled.class);
            return when(cancelled.tenant(), event, s -> cancelled(cancelled.tenant(), s, cancelled.order()));
        }
        if (OrderShipped.TYPE.equals(event.type())) {
            OrderShipped shipped = event.data(mapper, OrderShipped.class);
            return when(shipped.tenant(), event, s -> shipped(shipped.tenant(), s, shipped.order()));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> when(String tenantId, EventEnvelope event,
            java.util.function.Function<TenantSettings.Documents, Uni<Void>> work) {
        Optional<TenantSettings.Documents> settings = tenants.find(tenantId).map(Tenant::settings)
                .map(TenantSettings::documents).filter(TenantSettings.Documents::enabled);
        if (settings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return processed.once(CONSUMER, event.id(), () -> work.apply(settings.get())).replaceWithVoid();
    }

    /** DO1: automatic mode reserves the sale document with the buyer's type; manual mode waits for a choice. */
    private Uni<Void> paid(String tenant, TenantSettings.Documents settings, OrderSnapshot order, String causation) {
        if (settings.mode() == TenantSettings.DocumentMode.MANUAL) {
            return documents.reserve(tenant, order, DocumentPurpose.SALE, State.AWAITING_CHOICE, null, List.of())
                    .replaceWithVoid();
        }
        String type = DocumentPlan.documentType(settings, DocumentPurpose.SALE, DocumentPlan.kind(order.billing()))
                .orElse(null);
        List<String> skus = order.lines().stream().map(l -> l.sku() == null ? "" : l.sku()).distinct().toList();
        return documents.linkedSkus(tenant, skus).chain(linked -> {
            List<String> missing = DocumentPlan.missingSkus(order, linked);
            State state = missing.isEmpty() ? State.READY : State.PENDING_LINKS;
            return documents.reserve(tenant, order, DocumentPurpose.SALE, state, type, missing)
                    .chain(created -> created && !missing.isEmpty()
                            ? documents.announcePending(tenant, order.orderId(), DocumentPurpose.SALE, missing, causation)
                            : Uni.createFrom().voidItem());
        });
    }

    /** DO3: a sale document that may be in the ERP gets a credit note; one that never left is dropped. */
    private Uni<Void> cancelled(String tenant, TenantSettings.Documents settings, OrderSnapshot order) {
        return documents.state(tenant, order.orderId(), DocumentPurpose.SALE).chain(state -> {
            if (state == null || State.CANCELLED.name().equals(state)) {
                return Uni.createFrom().voidItem();
            }
            return documents.move(tenant, order.orderId(), DocumentPurpose.SALE, NOT_SENT, State.CANCELLED, null)
                    .chain(dropped -> dropped ? Uni.createFrom().voidItem()
                            : reserveAfterSale(tenant, settings, order, DocumentPurpose.CREDIT_NOTE));
        });
    }

    /** DO4: a shipped order whose sale document exists gets a dispatch guide. */
    private Uni<Void> shipped(String tenant, TenantSettings.Documents settings, OrderSnapshot order) {
        return documents.state(tenant, order.orderId(), DocumentPurpose.SALE).chain(state ->
                state == null || State.CANCELLED.name().equals(state) ? Uni.createFrom().voidItem()
                        : reserveAfterSale(tenant, settings, order, DocumentPurpose.DISPATCH_GUIDE));
    }

    /** The worker issues these once the sale document is ISSUED, since they reference its lines. */
    private Uni<Void> reserveAfterSale(String tenant, TenantSettings.Documents settings, OrderSnapshot order,
            DocumentPurpose purpose) {
        Optional<String> type = DocumentPlan.documentType(settings, purpose, null);
        if (type.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return documents.reserve(tenant, order, purpose, State.READY, type.get(), List.of()).replaceWithVoid();
    }
}

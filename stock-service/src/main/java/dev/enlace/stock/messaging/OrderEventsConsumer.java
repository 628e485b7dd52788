package dev.enlace.stock.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpDocuments;
import dev.enlace.platform.connectors.ErpStockMoves;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.messaging.ContractConsumer;
import dev.enlace.platform.messaging.EventEnvelope;
import dev.enlace.platform.messaging.ProcessedEvents;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ST2: a paid store order lowers the ERP's stock exactly once. This consumer only reserves the move
 * (one row per tenant, order and direction; a repeated event hits the unique key) and acknowledges;
 * {@link ErpStockMoveWorker} calls the ERP. Where the tenant's documents flow is on and the ERP issues
 * documents, the sale document moves the stock (Bsale: the sale reserves and its guía dispatches;
 * relBase: {@code ware_house_id} discounts), so the row is BY_DOCUMENT and nothing is sent.
 */
@ApplicationScoped
public class OrderEventsConsumer {
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);
    private static final String CONSUMER = "erp-stock-moves";

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final Vertx vertx;

    public OrderEventsConsumer(ObjectMapper mapper, ProcessedEvents processed, TenantRegistry tenants,
            Connectors connectors, Vertx vertx) {
        this.mapper = mapper;
        this.processed = processed;
        this.tenants = tenants;
        this.connectors = connectors;
        this.vertx = vertx;
    }

    @Incoming("orders-in")
    public Uni<Void> consume(Message<String> message) {
        return ContractConsumer.consume(vertx, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (OrderPaid.TYPE.equals(event.type())) {
            OrderPaid paid = event.data(mapper, OrderPaid.class);
            return withTenant(paid.tenant(), tenant -> processed.once(CONSUMER, event.id(), () -> reserveSale(tenant, paid.order())));
        }
        if (OrderCancelled.TYPE.equals(event.type())) {
            OrderCancelled cancelled = event.data(mapper, OrderCancelled.class);
            return withTenant(cancelled.tenant(), tenant -> processed.once(CONSUMER, event.id(),
                    () -> reserveReturn(tenant, cancelled.order())));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> withTenant(String id, java.util.function.Function<Tenant, Uni<Boolean>> work) {
        Tenant tenant = tenants.find(id).orElse(null);
        if (tenant == null || tenant.erp() == null || !Boolean.TRUE.equals(tenant.settings().stock().enabled())) {
            return Uni.createFrom().voidItem();
        }
        return work.apply(tenant).replaceWithVoid();
    }

    private Uni<Void> reserveSale(Tenant tenant, OrderSnapshot order) {
        String erp = tenant.erp().system();
        boolean byDocument = Boolean.TRUE.equals(tenant.settings().documents().enabled())
                && connectors.find(ErpDocuments.class, erp).isPresent();
        if (!byDocument && connectors.find(ErpStockMoves.class, erp).isEmpty()) {
            LOG.infof("order %s of %s: %s has no way to record a stock consumption; its stock is not lowered (ST2)",
                    order.orderId(), tenant.id(), erp);
            return Uni.createFrom().voidItem();
        }
        List<String> skus = order.lines() == null ? List.of()
                : order.lines().stream().map(OrderLine::sku).filter(Objects::nonNull).distinct().toList();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT sku, erp_variant_id FROM stock_link WHERE tenant = ?1 AND sku IN (?2)", Object[].class)
                .setParameter(1, tenant.id())
                .setParameter(2, skus.isEmpty() ? List.of("") : skus)
                .getResultList()
                .chain(rows -> {
                    Map<String, String> variants = new LinkedHashMap<>();
                    rows.forEach(r -> variants.put((String) r[0], (String) r[1]));
                    Map<String, StockMove.Line> lines = new LinkedHashMap<>();
                    List<String> unlinked = new ArrayList<>();
                    for (OrderLine line : order.lines() == null ? List.<OrderLine>of() : order.lines()) {
                        String variant = line.sku() == null ? null : variants.get(line.sku());
                        if (variant == null || line.quantity() == null || line.quantity().signum() <= 0) {
                            if (line.sku() != null && variant == null) {
                                unlinked.add(line.sku());
                            }
                            continue;
                        }
                        lines.merge(variant, new StockMove.Line(variant, line.sku(), line.quantity()),
                                (a, b) -> new StockMove.Line(a.variantId(), a.sku(), a.quantity().add(b.quantity())));
                    }
                    if (lines.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<String> offices = tenant.settings().stock().offices();
                    String office = offices.isEmpty() ? tenant.settings().documents().office() : offices.get(0);
                    return s.createNativeQuery("INSERT INTO erp_stock_move (tenant, order_id, direction, store_system,"
                                    + " erp_system, office, lines_json, unlinked_skus, state)"
                                    + " VALUES (?1, ?2, 'OUT', ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING")
                            .setParameter(1, tenant.id())
                            .setParameter(2, order.orderId())
                            .setParameter(3, order.system())
                            .setParameter(4, erp)
                            .setParameter(5, office)
                            .setParameter(6, json(new ArrayList<>(lines.values())))
                            .setParameter(7, unlinked.isEmpty() ? null : String.join(",", unlinked))
                            .setParameter(8, byDocument ? "BY_DOCUMENT" : "READY")
                            .executeUpdate().replaceWithVoid();
                }));
    }

    /**
     * A sale never sent is simply cancelled; one that reached (or may have reached) the ERP gets a
     * reception, sent once the consumption is confirmed (a FAILED one: only if a retry gets it through).
     * A sale the document moved is returned by the credit note (DO3); an order never paid moved nothing.
     */
    private Uni<Void> reserveReturn(Tenant tenant, OrderSnapshot order) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE erp_stock_move SET state = 'CANCELLED',"
                                + " updated_at = now() WHERE tenant = ?1 AND order_id = ?2 AND direction = 'OUT'"
                                + " AND state = 'READY' AND NOT erp_called")
                        .setParameter(1, tenant.id())
                        .setParameter(2, order.orderId())
                        .executeUpdate()
                .chain(cancelled -> cancelled > 0 ? Uni.createFrom().voidItem()
                        : s.createNativeQuery("INSERT INTO erp_stock_move (tenant, order_id, direction, store_system,"
                                        + " erp_system, office, lines_json, state)"
                                        + " SELECT tenant, order_id, 'IN', store_system, erp_system, office, lines_json, 'READY'"
                                        + " FROM erp_stock_move WHERE tenant = ?1 AND order_id = ?2 AND direction = 'OUT'"
                                        + " AND state IN ('READY', 'SENDING', 'DONE', 'FAILED') ON CONFLICT DO NOTHING")
                                .setParameter(1, tenant.id())
                                .setParameter(2, order.orderId())
                                .executeUpdate().replaceWithVoid()));
    }

    private String json(List<StockMove.Line> lines) {
        try {
            return mapper.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

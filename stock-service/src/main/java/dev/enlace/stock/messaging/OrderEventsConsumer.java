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
import org.hibernate.reactive.mutiny.Mutiny;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
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
 * relBase: {@code ware_house_id} discounts), so the row is BY_DOCUMENT and nothing is sent. Lines not
 * linked yet wait in {@code erp_stock_move_pending} until {@link LateLinkedLines} moves them.
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
        List<OrderLine> orderLines = order.lines() == null ? List.of() : order.lines();
        List<String> skus = orderLines.stream().map(OrderLine::sku).filter(Objects::nonNull).distinct().toList();
        List<String> offices = tenant.settings().stock().offices();
        String office = offices.isEmpty() ? tenant.settings().documents().office() : offices.get(0);
        String buyer = order.customer() == null ? null : json(order.customer());
        return Panache.getSession().chain(s -> alreadyReserved(s, tenant, order).chain(reserved -> reserved
                ? Uni.createFrom().voidItem()
                : s.createNativeQuery("SELECT sku, erp_variant_id FROM stock_link WHERE tenant = ?1 AND sku IN (?2)", Object[].class)
                .setParameter(1, tenant.id())
                .setParameter(2, skus.isEmpty() ? List.of("") : skus)
                .getResultList()
                .chain(rows -> {
                    Map<String, String> variants = new LinkedHashMap<>();
                    rows.forEach(r -> variants.put((String) r[0], (String) r[1]));
                    Map<String, StockMove.Line> lines = new LinkedHashMap<>();
                    // lines not linked yet, by SKU: moved when their link appears (unless the order is cancelled first)
                    Map<String, StockMove.Line> pending = new LinkedHashMap<>();
                    for (OrderLine line : orderLines) {
                        if (line.sku() == null || line.quantity() == null || line.quantity().signum() <= 0) {
                            continue;
                        }
                        String variant = variants.get(line.sku());
                        BigDecimal price = line.unitPrice() == null ? null : line.unitPrice().amount();
                        (variant == null ? pending : lines).merge(variant == null ? line.sku() : variant,
                                new StockMove.Line(variant, line.sku(), line.quantity(), price),
                                (a, b) -> new StockMove.Line(a.variantId(), a.sku(), a.quantity().add(b.quantity()), a.unitPrice()));
                    }
                    Uni<Void> main = lines.isEmpty() && pending.isEmpty() ? Uni.createFrom().voidItem()
                            : s.createNativeQuery("INSERT INTO erp_stock_move (tenant, order_id, direction, store_system,"
                                    + " erp_system, office, lines_json, unlinked_skus, state, buyer_json)"
                                    + " VALUES (?1, ?2, 'OUT', ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
                            .setParameter(1, tenant.id())
                            .setParameter(2, order.orderId())
                            .setParameter(3, order.system())
                            .setParameter(4, erp)
                            .setParameter(5, office)
                            .setParameter(6, json(new ArrayList<>(lines.values())))
                            .setParameter(7, pending.isEmpty() ? null : String.join(",", pending.keySet()))
                            .setParameter(8, byDocument ? "BY_DOCUMENT" : lines.isEmpty() ? "NOTHING_LINKED" : "READY")
                            .setParameter(9, buyer)
                            .executeUpdate().replaceWithVoid();
                    // with documents on, the document moves every line once all are linked (DO5): nothing waits here
                    if (byDocument) {
                        return main;
                    }
                    for (StockMove.Line line : pending.values()) {
                        main = main.chain(() -> s.createNativeQuery("INSERT INTO erp_stock_move_pending (tenant, order_id,"
                                        + " sku, quantity, unit_price, store_system, erp_system, office, buyer_json)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
                                .setParameter(1, tenant.id())
                                .setParameter(2, order.orderId())
                                .setParameter(3, line.sku())
                                .setParameter(4, line.quantity())
                                .setParameter(5, line.unitPrice())
                                .setParameter(6, order.system())
                                .setParameter(7, erp)
                                .setParameter(8, office)
                                .setParameter(9, buyer)
                                .executeUpdate().replaceWithVoid());
                    }
                    return main;
                })));
    }

    /**
     * The order's sale was reserved by an earlier OrderPaid (another event for the same payment): its
     * lines linked since then are moved by their own late move, so they must not join a new one.
     */
    private static Uni<Boolean> alreadyReserved(Mutiny.Session s, Tenant tenant, OrderSnapshot order) {
        return s.createNativeQuery("SELECT count(*) FROM erp_stock_move WHERE tenant = ?1 AND order_id = ?2"
                        + " AND direction = 'OUT'", Long.class)
                .setParameter(1, tenant.id())
                .setParameter(2, order.orderId())
                .getSingleResult()
                .map(n -> n > 0);
    }

    /**
     * Lines still waiting for their link are never moved. A sale never sent is simply cancelled; one
     * that reached (or may have reached) the ERP gets a reception per part, sent once that part's
     * consumption is confirmed (a FAILED one: only if a retry gets it through). A sale the document moved
     * is returned by the credit note (DO3); an order never paid moved nothing. The pending lines are
     * settled first: that row lock orders this against {@link LateLinkedLines} moving one of them.
     */
    private Uni<Void> reserveReturn(Tenant tenant, OrderSnapshot order) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE erp_stock_move_pending SET state = 'CANCELLED',"
                                + " updated_at = now() WHERE tenant = ?1 AND order_id = ?2 AND state = 'WAITING'")
                        .setParameter(1, tenant.id())
                        .setParameter(2, order.orderId())
                        .executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE erp_stock_move SET state = 'CANCELLED',"
                                + " updated_at = now() WHERE tenant = ?1 AND order_id = ?2 AND direction = 'OUT'"
                                + " AND ((state = 'READY' AND NOT erp_called) OR state = 'NOTHING_LINKED')")
                        .setParameter(1, tenant.id())
                        .setParameter(2, order.orderId())
                        .executeUpdate())
                .chain(() -> s.createNativeQuery("INSERT INTO erp_stock_move (tenant, order_id, direction, part,"
                                + " store_system, erp_system, office, lines_json, buyer_json, state)"
                                + " SELECT tenant, order_id, 'IN', part, store_system, erp_system, office, lines_json,"
                                + " buyer_json, 'READY' FROM erp_stock_move WHERE tenant = ?1 AND order_id = ?2"
                                + " AND direction = 'OUT' AND state IN ('READY', 'SENDING', 'DONE', 'FAILED')"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter(1, tenant.id())
                        .setParameter(2, order.orderId())
                        .executeUpdate())
                .replaceWithVoid());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

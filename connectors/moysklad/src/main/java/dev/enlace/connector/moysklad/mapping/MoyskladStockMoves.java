package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.connector.moysklad.client.MoyskladCustomerOrder;
import dev.enlace.platform.connectors.ErpStockMoves;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ST2 for MoySklad, through the customer order (moysklad.md has no write-off to call): a sale is the
 * store order's customer order whose positions reserve the units in the tenant's store, which lowers
 * MoySklad's free stock, the figure {@link MoyskladStockSource} gives the store. A line moved later
 * (its link appeared after payment) is added to the same order, and a position of the move found there
 * without its reserve (say, an order another flow exported) is made to reserve. A cancellation sets the reserve of the
 * move's positions to 0 and the order to the cancelled state. Both directions are "make it so", so
 * {@link #record} looks the order up by {@code externalCode} itself and never creates a second one.
 */
@ApplicationScoped
public class MoyskladStockMoves implements ErpStockMoves {
    private final MoyskladCustomerOrders orders;

    public MoyskladStockMoves(MoyskladCustomerOrders orders) {
        this.orders = orders;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public Uni<String> record(Connection connection, StockMove move) {
        return orders.find(connection, move.storeSystem(), move.orderId()).chain(found -> {
            if (move.direction() == StockMove.Direction.IN) {
                return found.isEmpty()
                        ? Uni.createFrom().failure(new ExternalApiException(MoyskladClients.SYSTEM, 404, "no customer order "
                                + MoyskladCustomerOrders.externalCode(move.storeSystem(), move.orderId())
                                + " to release: it was deleted in MoySklad", null))
                        : orders.release(connection, found.get(), items(move)).replaceWith(found.get().id());
            }
            if (found.isEmpty()) {
                return orders.create(connection, new MoyskladCustomerOrders.Draft(move.storeSystem(), move.orderId(),
                        move.office(), move.buyer(), move.lines(), true, description(move))).map(MoyskladCustomerOrder::id);
            }
            // the order exists (an earlier try, a line linked later, or another flow exporting it): complete it
            MoyskladCustomerOrder order = found.get();
            return orders.positions(connection, order.id())
                    .chain(positions -> orders.setReserve(connection, order.id(), positions, items(move), true)
                            .chain(() -> orders.addPositions(connection, order.id(), missing(move, positions), true)))
                    .replaceWith(order.id());
        });
    }

    /** OUT: the order has every item of the move, each reserving its whole quantity. IN: none of them reserves anything. */
    @Override
    public Uni<Optional<String>> find(Connection connection, StockMove move) {
        return orders.find(connection, move.storeSystem(), move.orderId()).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.<String>empty())
                : orders.positions(connection, found.get().id()).map(positions -> {
                    Set<String> items = items(move);
                    boolean done = move.direction() == StockMove.Direction.OUT
                            ? missing(move, positions).isEmpty() && positions.stream()
                                    .allMatch(p -> !items.contains(p.assortmentId()) || p.fullyReserved())
                            : positions.stream().noneMatch(p -> items.contains(p.assortmentId()) && p.reserves());
                    return done ? Optional.of(found.get().id()) : Optional.<String>empty();
                }));
    }

    private static List<StockMove.Line> missing(StockMove move, List<MoyskladCustomerOrder.Position> positions) {
        Map<String, MoyskladCustomerOrder.Position> byItem = positions.stream()
                .collect(Collectors.toMap(MoyskladCustomerOrder.Position::assortmentId, Function.identity(), (a, b) -> a));
        return move.lines().stream().filter(l -> !byItem.containsKey(l.variantId())).toList();
    }

    private static Set<String> items(StockMove move) {
        return move.lines().stream().map(StockMove.Line::variantId).collect(Collectors.toSet());
    }

    private static String description(StockMove move) {
        return "Enlace: " + move.storeSystem() + " #" + move.orderId();
    }
}

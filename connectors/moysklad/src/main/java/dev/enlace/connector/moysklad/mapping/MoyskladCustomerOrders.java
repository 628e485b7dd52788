package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.connector.moysklad.client.MoyskladCustomerOrder;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one MoySklad customer order of a store order (moysklad.md §4.6, §6 "Order export"): its
 * {@code externalCode} is {@link #externalCode the store order's reference}, and it is always looked
 * up by that code before one is created, so a resend after a crash, or a second flow exporting the
 * same order (ST2 now, OR2 later), finds it instead of making a second one. The buyer is a
 * counterparty found by e-mail, then phone, or created. Positions are added through their own path
 * (a PUT of {@code positions} would replace them all).
 */
@ApplicationScoped
public class MoyskladCustomerOrders {
    /** The state an order is put in when its store order is cancelled, unless the tenant names one. */
    static final String CANCELLED_STATE = "Отменен";
    private static final BigDecimal KOPECKS = BigDecimal.valueOf(100);

    private final MoyskladClients clients;
    private final Map<String, Uni<String>> organizations = new ConcurrentHashMap<>();
    private final Map<String, Uni<String>> defaultStores = new ConcurrentHashMap<>();

    /**
     * @param storeId MoySklad store whose stock the positions reserve; null = the account's first store
     * @param reserve true to reserve every position's quantity (a paid order's units are not for sale)
     */
    public record Draft(String storeSystem, String orderId, String storeId, CustomerSnapshot buyer,
            List<StockMove.Line> lines, boolean reserve, String description) {
    }

    public MoyskladCustomerOrders(MoyskladClients clients) {
        this.clients = clients;
    }

    /** The store order's reference kept in the customer order's {@code externalCode}. */
    public static String externalCode(String storeSystem, String orderId) {
        return storeSystem + "-order-" + orderId;
    }

    /** The customer order of this store order, if MoySklad has one (the oldest, should a person have copied it). */
    public Uni<Optional<MoyskladCustomerOrder>> find(Connection connection, String storeSystem, String orderId) {
        String filter = "externalCode=" + escape(externalCode(storeSystem, orderId));
        return clients.call(connection, "find customer order", true, api -> api.customerOrders(filter, 100))
                .map(page -> page.rows().stream().findFirst());
    }

    public Uni<List<MoyskladCustomerOrder.Position>> positions(Connection connection, String orderId) {
        return clients.all(connection, "list customer order positions",
                        (api, offset) -> api.customerOrderPositions(orderId, MoyskladClients.PAGE_SIZE, offset))
                .collect().asList();
    }

    /** Creates the customer order. Not idempotent: callers {@link #find} it first. */
    public Uni<MoyskladCustomerOrder> create(Connection connection, Draft draft) {
        Uni<String> store = draft.storeId() != null ? Uni.createFrom().item(draft.storeId()) : defaultStore(connection);
        return Uni.combine().all().unis(organization(connection), counterparty(connection, draft), store,
                        positionBodies(connection, draft.lines(), draft.reserve()))
                .asTuple()
                .chain(t -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("externalCode", externalCode(draft.storeSystem(), draft.orderId()));
                    body.put("organization", ref(connection, "organization", t.getItem1()));
                    body.put("agent", ref(connection, "counterparty", t.getItem2()));
                    body.put("store", ref(connection, "store", t.getItem3()));
                    body.put("applicable", true);
                    if (draft.description() != null) {
                        body.put("description", draft.description());
                    }
                    body.put("positions", t.getItem4());
                    return clients.call(connection, "create customer order", false, api -> api.createCustomerOrder(body));
                });
    }

    /** Adds the lines as positions (each reserving its quantity when {@code reserve}). */
    public Uni<Void> addPositions(Connection connection, String orderId, List<StockMove.Line> lines, boolean reserve) {
        if (lines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return positionBodies(connection, lines, reserve).chain(bodies -> clients.call(connection,
                "add customer order positions", false, api -> api.addCustomerOrderPositions(orderId, bodies)))
                .replaceWithVoid();
    }

    /**
     * Makes each position of these items reserve its whole quantity ({@code reserved}) or nothing; a
     * position already so is left alone, so repeating it changes nothing.
     */
    public Uni<Void> setReserve(Connection connection, String orderId, List<MoyskladCustomerOrder.Position> positions,
            Set<String> assortmentIds, boolean reserved) {
        List<Uni<MoyskladCustomerOrder.Position>> updates = positions.stream()
                .filter(p -> assortmentIds.contains(p.assortmentId()))
                .filter(p -> reserved ? !p.fullyReserved() : p.reserves())
                .map(p -> clients.call(connection, reserved ? "reserve customer order position" : "release customer order reserve",
                        true, api -> api.updateCustomerOrderPosition(orderId, p.id(),
                                Map.of("reserve", reserved ? p.quantity() : BigDecimal.ZERO))))
                .toList();
        return updates.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(updates).andFailFast().replaceWithVoid();
    }

    /**
     * The store order was cancelled: the positions of these items reserve nothing any more, and the
     * order goes to the tenant's cancelled state ({@code cancelledState}: a state name or id, default
     * "Отменен"), when the account has such an Unsuccessful state. Repeating it changes nothing.
     */
    public Uni<Void> release(Connection connection, MoyskladCustomerOrder order, Set<String> assortmentIds) {
        return positions(connection, order.id())
                .chain(positions -> setReserve(connection, order.id(), positions, assortmentIds, false))
                .chain(() -> cancelledState(connection))
                .chain(state -> state.isEmpty() || (order.state() != null && state.get().id().equals(order.state().meta().id()))
                        ? Uni.createFrom().voidItem()
                        : clients.call(connection, "cancel customer order", true, api -> api.updateCustomerOrder(order.id(),
                                Map.of("state", Map.of("meta", Map.of("href", state.get().meta().href(), "type", "state",
                                        "mediaType", "application/json"))))).replaceWithVoid());
    }

    private Uni<Optional<MoyskladCustomerOrder.State>> cancelledState(Connection connection) {
        String wanted = connection.property("cancelledState").orElse(CANCELLED_STATE);
        return clients.call(connection, "read customer order states", true, api -> api.customerOrderMetadata())
                .map(meta -> meta.states() == null ? Optional.<MoyskladCustomerOrder.State>empty() : meta.states().stream()
                        .filter(s -> "Unsuccessful".equals(s.stateType()))
                        .filter(s -> wanted.equals(s.name()) || wanted.equals(s.id()))
                        .findFirst());
    }

    /** The tenant's {@code organizationId}, else the account's first legal entity (an order requires one). */
    private Uni<String> organization(Connection connection) {
        Optional<String> configured = connection.property("organizationId");
        if (configured.isPresent()) {
            return Uni.createFrom().item(configured.get());
        }
        return organizations.computeIfAbsent(account(connection), k -> clients
                .call(connection, "read organization", true, api -> api.organizations(1))
                .map(page -> page.rows().stream().findFirst().map(MoyskladCustomerOrder.Party::id)
                        .orElseThrow(() -> new IllegalStateException("the MoySklad account has no organization")))
                .onFailure().invoke(() -> organizations.remove(k))
                .memoize().indefinitely());
    }

    private Uni<String> defaultStore(Connection connection) {
        return defaultStores.computeIfAbsent(account(connection), k -> clients
                .call(connection, "read stores", true, api -> api.stores(1))
                .map(page -> page.rows().stream().findFirst().map(s -> s.id())
                        .orElseThrow(() -> new IllegalStateException("the MoySklad account has no store")))
                .onFailure().invoke(() -> defaultStores.remove(k))
                .memoize().indefinitely());
    }

    /** The buyer found by e-mail, then by phone (exact filters), else created; a guest order goes to one shared counterparty. */
    private Uni<String> counterparty(Connection connection, Draft draft) {
        CustomerSnapshot buyer = draft.buyer();
        String email = buyer == null ? null : blankToNull(buyer.email());
        String phone = buyer == null ? null : blankToNull(buyer.phone());
        List<String> filters = new ArrayList<>();
        if (email != null) {
            filters.add("email=" + escape(email));
        }
        if (phone != null) {
            filters.add("phone=" + escape(phone));
        }
        String guest = draft.storeSystem() + "-guest";
        if (filters.isEmpty()) {
            filters.add("externalCode=" + escape(guest));
        }
        Uni<Optional<String>> found = Uni.createFrom().item(Optional.<String>empty());
        for (String filter : filters) {
            found = found.chain(f -> f.isPresent() ? Uni.createFrom().item(f) : clients.call(connection,
                            "find counterparty", true, api -> api.counterparties(filter, 1))
                    .map(page -> page.rows().stream().findFirst().map(MoyskladCustomerOrder.Party::id)));
        }
        return found.chain(f -> f.isPresent() ? Uni.createFrom().item(f.get()) : clients.call(connection,
                "create counterparty", false, api -> api.createCounterparty(newCounterparty(draft, email, phone, guest)))
                .map(MoyskladCustomerOrder.Party::id));
    }

    private static Map<String, Object> newCounterparty(Draft draft, String email, String phone, String guest) {
        CustomerSnapshot buyer = draft.buyer();
        Map<String, Object> body = new LinkedHashMap<>();
        if (email == null && phone == null) {
            body.put("name", draft.storeSystem() + " guest");
            body.put("externalCode", guest);
            body.put("companyType", "individual");
            return body;
        }
        String person = buyer == null ? "" : String.join(" ", java.util.stream.Stream.of(buyer.firstName(), buyer.lastName())
                .filter(s -> s != null && !s.isBlank()).toList());
        boolean company = buyer != null && buyer.companyName() != null && !buyer.companyName().isBlank();
        body.put("name", company ? buyer.companyName() : !person.isEmpty() ? person : email != null ? email : phone);
        body.put("companyType", company ? "legal" : "individual");
        if (email != null) {
            body.put("email", email);
        }
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }

    /**
     * Positions reference {@code /entity/variant/<id>} or, for a product without variants, {@code /entity/product/<id>};
     * the item id alone does not say which, so the variants among them are asked for in one call.
     */
    private Uni<List<Map<String, Object>>> positionBodies(Connection connection, List<StockMove.Line> lines, boolean reserve) {
        String filter = lines.stream().map(l -> "id=" + escape(l.variantId())).collect(Collectors.joining(";"));
        return clients.call(connection, "read variants", true, api -> api.variants(filter, 100, 0))
                .map(page -> {
                    Set<String> variants = page.rows().stream().map(v -> v.id()).collect(Collectors.toSet());
                    List<Map<String, Object>> bodies = new ArrayList<>();
                    for (StockMove.Line line : lines) {
                        Map<String, Object> position = new LinkedHashMap<>();
                        position.put("assortment", ref(connection, variants.contains(line.variantId()) ? "variant" : "product",
                                line.variantId()));
                        position.put("quantity", line.quantity());
                        if (line.unitPrice() != null) {
                            position.put("price", line.unitPrice().multiply(KOPECKS));
                        }
                        if (reserve) {
                            position.put("reserve", line.quantity());
                        }
                        bodies.add(position);
                    }
                    return bodies;
                });
    }

    private static Map<String, Object> ref(Connection connection, String type, String id) {
        String base = connection.baseUrl().toString().replaceAll("/$", "");
        return Map.of("meta", Map.of("href", base + "/entity/" + type + "/" + id, "type", type,
                "mediaType", "application/json"));
    }

    /** {@code ;} separates filter conditions, so a literal one is escaped. */
    private static String escape(String value) {
        return value.replace(";", "\\;");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String account(Connection connection) {
        return connection.baseUrl() + "#" + connection.property("accountId").orElse("");
    }
}

package dev.enlace.connector.moysklad.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sales side (moysklad.md §4.5-§4.7): organizations, counterparties, customer orders with their
 * positions and states. A posted order's position {@code reserve} is held in the order's store (or
 * store-less when the order names none): it lowers free stock in the reports and counts as a stock
 * change for the stock webhook and {@code changedSince}.
 */
final class OrderApi {
    private static final Pattern REF = Pattern.compile(".*/entity/([a-z]+)/([0-9a-f-]{36})");
    private static final Pattern STATE_REF = Pattern.compile(".*/entity/([a-z]+)/metadata/states/([0-9a-f-]{36})");
    private static final String ORDER = "customerorder";
    private static final String POSITION = "customerorderposition";

    private final MoyskladSimulator sim;
    private final Api api;

    OrderApi(MoyskladSimulator sim, Api api) {
        this.sim = sim;
        this.api = api;
    }

    /** The states a new account starts with (names as MoySklad's UI shows them). */
    static List<Account.State> defaultStates() {
        return List.of(state("Новый", 15106326, "Regular"), state("Подтвержден", 40931, "Regular"),
                state("Собран", 10774205, "Regular"), state("Отгружен", 8825440, "Regular"),
                state("Доставлен", 34617, "Successful"), state("Возврат", 15280409, "Unsuccessful"),
                state("Отменен", 10066329, "Unsuccessful"));
    }

    private static Account.State state(String name, int color, String type) {
        return new Account.State(UUID.randomUUID().toString(), name, color, type);
    }

    void mount(Router router) {
        String p = Api.PREFIX;
        router.get(p + "/entity/organization").handler(this::organizations);
        router.get(p + "/entity/organization/:id").handler(this::organization);
        router.get(p + "/entity/counterparty").handler(this::counterparties);
        router.post(p + "/entity/counterparty").handler(this::createCounterparty);
        router.get(p + "/entity/counterparty/:id").handler(this::counterparty);
        router.get(p + "/entity/customerorder/metadata").handler(this::metadata);
        router.get(p + "/entity/customerorder/metadata/states/:id").handler(this::stateById);
        router.get(p + "/entity/customerorder").handler(this::orders);
        router.post(p + "/entity/customerorder").handler(rc -> saveOrder(rc, true));
        router.get(p + "/entity/customerorder/:id").handler(this::order);
        router.put(p + "/entity/customerorder/:id").handler(rc -> saveOrder(rc, false));
        router.get(p + "/entity/customerorder/:id/positions").handler(this::positions);
        router.post(p + "/entity/customerorder/:id/positions").handler(this::addPositions);
        router.get(p + "/entity/customerorder/:id/positions/:posId").handler(this::position);
        router.put(p + "/entity/customerorder/:id/positions/:posId").handler(this::updatePosition);
        router.delete(p + "/entity/customerorder/:id/positions/:posId").handler(this::deletePosition);
    }

    // ---- organizations and counterparties ----

    private void organizations(RoutingContext rc) {
        api.list(rc, "organization", (a, filter) -> a.organizations.values().stream()
                .map(o -> organizationView(rc, a, o)).toList());
    }

    private void organization(RoutingContext rc) {
        byId(rc, "organization", a -> a.organizations, this::organizationView);
    }

    /** {@code GET …/{id}}: the entity's view, or 404 code 1021. */
    private <T> void byId(RoutingContext rc, String type, Function<Account, Map<String, T>> entities,
            View<T> view) {
        Account a = Api.account(rc);
        synchronized (a) {
            T entity = entities.apply(a).get(rc.pathParam("id"));
            if (entity == null) {
                Api.notFound(rc, type);
                return;
            }
            Api.send(rc, 200, view.of(rc, a, entity));
        }
    }

    private interface View<T> {
        JsonObject of(RoutingContext rc, Account a, T entity);
    }

    private JsonObject organizationView(RoutingContext rc, Account a, Account.Organization o) {
        return new JsonObject().put("meta", api.meta(rc, "organization", o.id())).put("id", o.id())
                .put("accountId", a.id).put("name", o.name()).put("archived", false);
    }

    private void counterparties(RoutingContext rc) {
        api.list(rc, "counterparty", (a, filter) -> a.counterparties.values().stream()
                .filter(c -> Api.archived(filter, false) && Api.matches(filter, "email", c.email)
                        && Api.matches(filter, "phone", c.phone) && Api.matches(filter, "name", c.name)
                        && Api.matches(filter, "externalCode", c.externalCode) && Api.matches(filter, "id", c.id))
                .map(c -> counterpartyView(rc, a, c)).toList());
    }

    private void counterparty(RoutingContext rc) {
        byId(rc, "counterparty", a -> a.counterparties, this::counterpartyView);
    }

    private void createCounterparty(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        String name = body.getString("name");
        if (name == null || name.isBlank()) {
            Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'name' не может быть пустым или отсутствовать", "name");
            return;
        }
        String type = body.getString("companyType", "legal");
        if (!Set.of("legal", "entrepreneur", "individual").contains(type)) {
            Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный companyType " + type, "companyType");
            return;
        }
        Account a = Api.account(rc);
        JsonObject view;
        synchronized (a) {
            Account.Counterparty c = new Account.Counterparty();
            c.name = name;
            c.companyType = type;
            c.email = body.getString("email");
            c.phone = body.getString("phone");
            c.externalCode = body.getString("externalCode", UUID.randomUUID().toString());
            c.updated = sim.now();
            a.counterparties.put(c.id, c);
            view = counterpartyView(rc, a, c);
        }
        api.fireEntityHooks(rc, a, "counterparty", view.getString("id"), "CREATE", List.of());
        Api.send(rc, 200, view);
    }

    private JsonObject counterpartyView(RoutingContext rc, Account a, Account.Counterparty c) {
        JsonObject j = new JsonObject().put("meta", api.meta(rc, "counterparty", c.id)).put("id", c.id)
                .put("accountId", a.id).put("updated", MoyskladSimulator.moscow(c.updated)).put("name", c.name)
                .put("companyType", c.companyType).put("externalCode", c.externalCode).put("archived", false);
        Api.putIfSet(j, "email", c.email);
        Api.putIfSet(j, "phone", c.phone);
        return j;
    }

    // ---- states ----

    private void metadata(RoutingContext rc) {
        Account a = Api.account(rc);
        JsonArray states = new JsonArray();
        synchronized (a) {
            a.orderStates.values().forEach(s -> states.add(stateView(rc, a, s)));
        }
        Api.send(rc, 200, new JsonObject().put("meta", new JsonObject()
                        .put("href", api.base(rc) + "/entity/customerorder/metadata").put("mediaType", "application/json"))
                .put("attributes", new JsonArray()).put("states", states).put("createShared", false));
    }

    private void stateById(RoutingContext rc) {
        byId(rc, "state", a -> a.orderStates, this::stateView);
    }

    private JsonObject stateView(RoutingContext rc, Account a, Account.State s) {
        return new JsonObject().put("meta", stateMeta(rc, s.id())).put("id", s.id()).put("accountId", a.id)
                .put("name", s.name()).put("color", s.color()).put("stateType", s.stateType()).put("entityType", ORDER);
    }

    private JsonObject stateMeta(RoutingContext rc, String id) {
        return new JsonObject().put("href", api.base(rc) + "/entity/customerorder/metadata/states/" + id)
                .put("type", "state").put("mediaType", "application/json");
    }

    // ---- customer orders ----

    private void orders(RoutingContext rc) {
        // expand is ignored when limit > 100
        boolean expand = rc.request().getParam("limit", "1000").matches("\\d{1,2}|100");
        api.list(rc, ORDER, (a, filter) -> a.customerOrders.values().stream()
                .filter(o -> Api.matches(filter, "externalCode", o.externalCode) && Api.matches(filter, "name", o.name)
                        && Api.matches(filter, "id", o.id) && refMatches(filter, "agent", o.agentId)
                        && Api.matches(filter, "state.name", o.stateId == null ? null : a.orderStates.get(o.stateId).name()))
                .map(o -> orderView(rc, a, o, expand)).toList());
    }

    private void order(RoutingContext rc) {
        byId(rc, ORDER, a -> a.customerOrders, (r, a, o) -> orderView(r, a, o, true));
    }

    /**
     * POST (object bodies only; the bulk array form is not simulated; {@code externalCode} is not
     * unique) or PUT {@code {id}}; fires CREATE or UPDATE hooks.
     */
    private void saveOrder(RoutingContext rc, boolean create) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = Api.account(rc);
        JsonObject view;
        boolean schedule;
        List<String> updated = new ArrayList<>();
        synchronized (a) {
            Account.CustomerOrder o = create ? newOrder(rc, a, body) : a.customerOrders.get(rc.pathParam("id"));
            if (o == null) {
                if (!rc.response().ended()) {
                    Api.notFound(rc, ORDER);
                }
                return;
            }
            Map<String, Double> before = reserves(o);
            if (!apply(rc, a, o, body, updated)) {
                return;
            }
            o.updated = sim.now();
            a.customerOrders.put(o.id, o);
            schedule = moveReserve(a, before, reserves(o));
            view = orderView(rc, a, o, false);
        }
        if (schedule) {
            sim.scheduleStockWebhook(a);
        }
        api.fireEntityHooks(rc, a, ORDER, view.getString("id"), create ? "CREATE" : "UPDATE", create ? List.of() : updated);
        Api.send(rc, 200, view);
    }

    /** A new order, not stored yet; null after an error answer when a required reference is missing. */
    private Account.CustomerOrder newOrder(RoutingContext rc, Account a, JsonObject body) {
        for (String required : List.of("organization", "agent")) {
            if (body.getJsonObject(required) == null) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле '" + required
                        + "' не может быть пустым или отсутствовать", required);
                return null;
            }
        }
        Account.CustomerOrder o = new Account.CustomerOrder();
        o.name = String.format("%05d", a.customerOrders.size() + 1);
        o.externalCode = UUID.randomUUID().toString();
        o.moment = sim.now();
        o.created = o.moment;
        return o;
    }

    /**
     * Applies the fields sent (inside the monitor); {@code positions} replaces every position.
     * Validates everything before changing anything; false after an error answer.
     */
    private boolean apply(RoutingContext rc, Account a, Account.CustomerOrder o, JsonObject body, List<String> updated) {
        Map<String, String> refs = new HashMap<>();
        for (String field : List.of("organization", "agent", "store")) {
            if (!body.containsKey(field)) {
                continue;
            }
            String id = body.getValue(field) == null ? null : refId(rc, a, body.getJsonObject(field), field);
            if (id == null && (body.getValue(field) != null || !"store".equals(field))) {
                if (!rc.response().ended()) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле '" + field + "' не может быть пустым", field);
                }
                return false;
            }
            refs.put(field, id);
        }
        String stateId = null;
        if (body.containsKey("state") && body.getValue("state") != null) {
            String href = body.getJsonObject("state").getJsonObject("meta", new JsonObject()).getString("href", "");
            Matcher m = STATE_REF.matcher(href);
            if (m.matches() && !ORDER.equals(m.group(1))) {
                Api.error(rc, 412, 11002, "Статус не принадлежит данному типу документа", "state");
                return false;
            }
            if (!m.matches() || !a.orderStates.containsKey(m.group(2))) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный статус " + href, "state");
                return false;
            }
            stateId = m.group(2);
        }
        List<Account.Position> positions = null;
        if (body.containsKey("positions")) {
            positions = new ArrayList<>();
            for (Object item : body.getJsonArray("positions", new JsonArray())) {
                Account.Position pos = new Account.Position();
                if (!(item instanceof JsonObject json) || !applyPosition(rc, a, pos, json, true)) {
                    if (!rc.response().ended()) {
                        Api.error(rc, 400, 2001, "Ошибка формата: позиция должна быть объектом", "positions");
                    }
                    return false;
                }
                positions.add(pos);
            }
        }
        if (refs.containsKey("organization")) {
            o.organizationId = refs.get("organization");
            updated.add("organization");
        }
        if (refs.containsKey("agent")) {
            o.agentId = refs.get("agent");
            updated.add("agent");
        }
        if (refs.containsKey("store")) {
            o.storeId = refs.get("store");
            updated.add("store");
        }
        if (body.containsKey("state")) {
            o.stateId = stateId;
            updated.add("state");
        }
        for (String field : List.of("name", "externalCode", "description")) {
            if (body.containsKey(field)) {
                String value = body.getString(field);
                switch (field) {
                    case "name" -> o.name = value;
                    case "externalCode" -> o.externalCode = value;
                    default -> o.description = value;
                }
                updated.add(field);
            }
        }
        if (body.containsKey("applicable")) {
            o.applicable = body.getBoolean("applicable", true);
            updated.add("applicable");
        }
        if (positions != null) {
            o.positions.clear();
            o.positions.addAll(positions);
            updated.add("positions");
        }
        return true;
    }

    /** Position fields; {@code assortment} is required on create. False after an error answer. */
    private boolean applyPosition(RoutingContext rc, Account a, Account.Position pos, JsonObject body, boolean create) {
        String assortment = pos.assortmentId;
        if (body.containsKey("assortment")) {
            assortment = assortmentId(a, body.getJsonObject("assortment"));
            if (assortment == null) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный товар в позиции", "assortment");
                return false;
            }
        } else if (create) {
            Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'assortment' не может быть пустым или отсутствовать",
                    "assortment");
            return false;
        }
        double quantity = body.getDouble("quantity", create ? 1.0 : pos.quantity);
        double reserve = body.getDouble("reserve", create ? 0.0 : pos.reserve);
        if (quantity < 0 || reserve < 0 || reserve > quantity) {
            Api.error(rc, 412, 3000, "Ошибка сохранения объекта: резерв должен быть от 0 до количества в позиции", "reserve");
            return false;
        }
        pos.assortmentId = assortment;
        pos.quantity = quantity;
        pos.reserve = reserve;
        pos.price = body.getDouble("price", create ? 0.0 : pos.price);
        pos.discount = body.getDouble("discount", create ? 0.0 : pos.discount);
        pos.vat = body.getInteger("vat", create ? 0 : pos.vat);
        return true;
    }

    // ---- positions ----

    private void positions(RoutingContext rc) {
        Account a = Api.account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            Account.CustomerOrder o = a.customerOrders.get(rc.pathParam("id"));
            if (o == null) {
                Api.notFound(rc, ORDER);
                return;
            }
            rows = o.positions.stream().map(p -> positionView(rc, a, o, p)).toList();
        }
        api.page(rc, rows, POSITION);
    }

    private void position(RoutingContext rc) {
        Account a = Api.account(rc);
        synchronized (a) {
            Account.CustomerOrder o = a.customerOrders.get(rc.pathParam("id"));
            Account.Position p = o == null ? null : find(o, rc.pathParam("posId"));
            if (p == null) {
                Api.notFound(rc, o == null ? ORDER : POSITION);
                return;
            }
            Api.send(rc, 200, positionView(rc, a, o, p));
        }
    }

    /** One position object or an array of them; answers the created positions as an array. */
    private void addPositions(RoutingContext rc) {
        JsonArray items;
        String raw = rc.body().length() == 0 ? "" : rc.body().asString().trim();
        if (raw.startsWith("{")) {
            JsonObject one = api.bodyObject(rc);
            items = one == null ? null : new JsonArray().add(one);
        } else {
            items = api.bodyArray(rc);
        }
        if (items == null) {
            return;
        }
        Account a = Api.account(rc);
        JsonArray created = new JsonArray();
        boolean schedule;
        String orderId = rc.pathParam("id");
        synchronized (a) {
            Account.CustomerOrder o = a.customerOrders.get(orderId);
            if (o == null) {
                Api.notFound(rc, ORDER);
                return;
            }
            List<Account.Position> added = new ArrayList<>();
            for (Object item : items) {
                Account.Position pos = new Account.Position();
                if (!applyPosition(rc, a, pos, (JsonObject) item, true)) {
                    return;
                }
                added.add(pos);
            }
            Map<String, Double> before = reserves(o);
            o.positions.addAll(added);
            o.updated = sim.now();
            schedule = moveReserve(a, before, reserves(o));
            added.forEach(p -> created.add(positionView(rc, a, o, p)));
        }
        if (schedule) {
            sim.scheduleStockWebhook(a);
        }
        api.fireEntityHooks(rc, a, ORDER, orderId, "UPDATE", List.of("positions"));
        Api.send(rc, 200, created);
    }

    private void updatePosition(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        changePosition(rc, (a, o, p) -> applyPosition(rc, a, p, body, false));
    }

    private void deletePosition(RoutingContext rc) {
        changePosition(rc, (a, o, p) -> o.positions.remove(p));
    }

    private interface PositionChange {
        boolean apply(Account a, Account.CustomerOrder o, Account.Position p);
    }

    private void changePosition(RoutingContext rc, PositionChange change) {
        Account a = Api.account(rc);
        JsonObject view;
        boolean schedule;
        String orderId = rc.pathParam("id");
        synchronized (a) {
            Account.CustomerOrder o = a.customerOrders.get(orderId);
            Account.Position p = o == null ? null : find(o, rc.pathParam("posId"));
            if (p == null) {
                Api.notFound(rc, o == null ? ORDER : POSITION);
                return;
            }
            Map<String, Double> before = reserves(o);
            if (!change.apply(a, o, p)) {
                return;
            }
            o.updated = sim.now();
            schedule = moveReserve(a, before, reserves(o));
            view = positionView(rc, a, o, p);
        }
        if (schedule) {
            sim.scheduleStockWebhook(a);
        }
        api.fireEntityHooks(rc, a, ORDER, orderId, "UPDATE", List.of("positions"));
        if (rc.request().method().name().equals("DELETE")) {
            rc.response().setStatusCode(200).end();
        } else {
            Api.send(rc, 200, view);
        }
    }

    private static Account.Position find(Account.CustomerOrder o, String posId) {
        return o.positions.stream().filter(p -> p.id.equals(posId)).findFirst().orElse(null);
    }

    // ---- reserve ----

    /** What a posted order holds, keyed by assortment and store ({@code "null"} = not tied to a store). */
    private static Map<String, Double> reserves(Account.CustomerOrder o) {
        Map<String, Double> out = new HashMap<>();
        if (o.applicable) {
            for (Account.Position p : o.positions) {
                if (p.reserve > 0) {
                    out.merge(p.assortmentId + "|" + o.storeId, p.reserve, Double::sum);
                }
            }
        }
        return out;
    }

    /** Inside the monitor: moves the levels by the change in reserve; true when the stock webhook must be scheduled. */
    private boolean moveReserve(Account a, Map<String, Double> before, Map<String, Double> after) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        boolean schedule = false;
        for (String key : keys) {
            double delta = after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
            if (delta != 0) {
                int bar = key.indexOf('|');
                String store = key.substring(bar + 1);
                schedule |= sim.changeLevel(a, key.substring(0, bar), "null".equals(store) ? null : store, 0, delta);
            }
        }
        return schedule;
    }

    // ---- views and references ----

    private JsonObject orderView(RoutingContext rc, Account a, Account.CustomerOrder o, boolean expand) {
        double sum = 0;
        double reserved = 0;
        for (Account.Position p : o.positions) {
            sum += p.quantity * p.price * (1 - p.discount / 100);
            reserved += p.reserve * p.price * (1 - p.discount / 100);
        }
        JsonObject j = new JsonObject().put("meta", api.meta(rc, ORDER, o.id)).put("id", o.id).put("accountId", a.id)
                .put("updated", MoyskladSimulator.moscow(o.updated)).put("name", o.name).put("externalCode", o.externalCode)
                .put("moment", MoyskladSimulator.moscow(o.moment)).put("applicable", o.applicable)
                .put("created", MoyskladSimulator.moscow(o.created)).put("vatEnabled", true).put("vatIncluded", true)
                .put("sum", sum).put("vatSum", 0.0).put("payedSum", 0.0).put("shippedSum", 0.0).put("invoicedSum", 0.0)
                .put("reservedSum", reserved)
                .put("organization", new JsonObject().put("meta", api.meta(rc, "organization", o.organizationId)))
                .put("agent", new JsonObject().put("meta", api.meta(rc, "counterparty", o.agentId)));
        Api.putIfSet(j, "description", o.description);
        if (o.storeId != null) {
            j.put("store", new JsonObject().put("meta", api.meta(rc, "store", o.storeId)));
        }
        String expanded = rc.request().getParam("expand", "");
        if (o.stateId != null) {
            j.put("state", expand && expanded.contains("state") ? stateView(rc, a, a.orderStates.get(o.stateId))
                    : new JsonObject().put("meta", stateMeta(rc, o.stateId)));
        }
        JsonObject positionsMeta = new JsonObject().put("href", api.base(rc) + "/entity/customerorder/" + o.id + "/positions")
                .put("type", POSITION).put("mediaType", "application/json").put("size", o.positions.size())
                .put("limit", 1000).put("offset", 0);
        JsonObject positions = new JsonObject().put("meta", positionsMeta);
        if (expand && expanded.contains("positions")) {
            positions.put("rows", new JsonArray(o.positions.stream().map(p -> positionView(rc, a, o, p)).toList()));
        }
        return j.put("positions", positions);
    }

    private JsonObject positionView(RoutingContext rc, Account a, Account.CustomerOrder o, Account.Position p) {
        String type = a.variants.containsKey(p.assortmentId) ? "variant" : "product";
        return new JsonObject().put("meta", new JsonObject()
                        .put("href", api.base(rc) + "/entity/customerorder/" + o.id + "/positions/" + p.id)
                        .put("type", POSITION).put("mediaType", "application/json"))
                .put("id", p.id).put("accountId", a.id).put("quantity", p.quantity).put("price", p.price)
                .put("discount", p.discount).put("vat", p.vat).put("vatEnabled", p.vat > 0)
                .put("assortment", new JsonObject().put("meta", api.meta(rc, type, p.assortmentId)))
                .put("shipped", 0.0).put("reserve", p.reserve);
    }

    /** The id of an organization, counterparty or store reference; null (after an error answer) when unknown. */
    private String refId(RoutingContext rc, Account a, JsonObject ref, String field) {
        String href = ref == null ? "" : ref.getJsonObject("meta", new JsonObject()).getString("href", "");
        Matcher m = REF.matcher(href);
        String type = switch (field) {
            case "agent" -> "counterparty";
            default -> field;
        };
        boolean known = m.matches() && m.group(1).equals(type) && switch (type) {
            case "organization" -> a.organizations.containsKey(m.group(2));
            case "counterparty" -> a.counterparties.containsKey(m.group(2));
            default -> a.stores.containsKey(m.group(2));
        };
        if (!known) {
            Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестная ссылка в поле '" + field + "': " + href, field);
            return null;
        }
        return m.group(2);
    }

    /** A product without variants ({@code /entity/product/<id>}) or a variant ({@code /entity/variant/<id>}). */
    private static String assortmentId(Account a, JsonObject ref) {
        String href = ref == null ? "" : ref.getJsonObject("meta", new JsonObject()).getString("href", "");
        Matcher m = REF.matcher(href);
        if (!m.matches()) {
            return null;
        }
        String id = m.group(2);
        boolean ok = "variant".equals(m.group(1)) ? a.variants.containsKey(id)
                : "product".equals(m.group(1)) && a.products.containsKey(id) && a.products.get(id).variantIds.isEmpty();
        return ok ? id : null;
    }

    private static boolean refMatches(Map<String, List<String>> filter, String key, String id) {
        List<String> wanted = filter.get(key);
        return wanted == null || wanted.stream().anyMatch(h -> h.substring(h.lastIndexOf('/') + 1).equals(id));
    }
}

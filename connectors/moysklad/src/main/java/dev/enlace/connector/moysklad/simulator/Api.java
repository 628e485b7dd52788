package dev.enlace.connector.moysklad.simulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The public JSON API 1.2: auth, gzip rule, rate limit, envelopes, entities, stock reports, webhooks. */
final class Api {
    static final String PREFIX = "/api/remap/1.2";
    private static final String ACCOUNT = "moysklad.account";
    private static final String JSON = "application/json;charset=utf-8";
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile(".*/entity/product/metadata/attributes/([0-9a-f-]{36})");
    private static final Set<String> STOCK_TYPES = Set.of("stock", "freeStock", "quantity", "reserve", "inTransit");
    private static final Set<String> HOOK_ACTIONS = Set.of("CREATE", "UPDATE", "DELETE", "PROCESSED");

    private static final List<LocalDate> USER_WEIGHT_STEPS = List.of(LocalDate.of(2026, 5, 12), LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 12, 1));

    private final MoyskladSimulator sim;
    private final CatalogApi catalog;
    private final OrderApi orders;

    Api(MoyskladSimulator sim) {
        this.sim = sim;
        this.catalog = new CatalogApi(sim, this);
        this.orders = new OrderApi(sim, this);
    }

    void mount(Router router) {
        router.route(PREFIX + "/*").handler(BodyHandler.create().setBodyLimit(20L << 20)).handler(this::guard);
        router.post(PREFIX + "/security/token").handler(this::token);
        router.get(PREFIX + "/entity/product/metadata/attributes").handler(this::attributes);
        router.post(PREFIX + "/entity/product/metadata/attributes").handler(this::createAttributes);
        router.get(PREFIX + "/entity/product").handler(this::products);
        router.get(PREFIX + "/entity/product/:id").handler(this::product);
        router.put(PREFIX + "/entity/product/:id").handler(this::updateProduct);
        router.get(PREFIX + "/entity/variant").handler(this::variants);
        router.get(PREFIX + "/entity/variant/:id").handler(this::variant);
        router.get(PREFIX + "/entity/store").handler(this::stores);
        router.get(PREFIX + "/report/stock/all").handler(rc -> stockReport(rc, false));
        router.get(PREFIX + "/report/stock/bystore").handler(rc -> stockReport(rc, true));
        router.get(PREFIX + "/report/stock/all/current").handler(rc -> currentReport(rc, false));
        router.get(PREFIX + "/report/stock/bystore/current").handler(rc -> currentReport(rc, true));
        router.get(PREFIX + "/entity/webhookstock").handler(rc -> hooks(rc, "webhookstock"));
        router.post(PREFIX + "/entity/webhookstock").handler(this::createStockHook);
        router.delete(PREFIX + "/entity/webhookstock/:id").handler(rc -> deleteHook(rc, "webhookstock"));
        router.get(PREFIX + "/entity/webhook").handler(rc -> hooks(rc, "webhook"));
        router.post(PREFIX + "/entity/webhook").handler(this::createEntityHook);
        router.delete(PREFIX + "/entity/webhook/:id").handler(rc -> deleteHook(rc, "webhook"));
        catalog.mount(router);
        orders.mount(router);
        router.route(PREFIX + "/*").handler(rc -> error(rc, 404, 1005, "Неизвестный тип: " + rc.request().path()));
    }

    // ---- cross-cutting rules ----

    private void guard(RoutingContext rc) {
        String encoding = rc.request().getHeader("Accept-Encoding");
        if (encoding == null || !encoding.toLowerCase().contains("gzip")) {
            rc.response().setStatusCode(415).end();
            return;
        }
        Account a = authenticate(rc.request().getHeader("Authorization"));
        if (a == null) {
            rc.response().putHeader("X-Lognex-Auth", "-1").putHeader("X-Lognex-Auth-Message", "Unauthorized");
            error(rc, 401, 1056, "Ошибка аутентификации: Неправильный пароль или имя пользователя или ключ авторизации");
            return;
        }
        rc.put(ACCOUNT, a);
        synchronized (a) {
            if (a.faultFraction > 0 && ThreadLocalRandom.current().nextDouble() < a.faultFraction) {
                error(rc, a.faultStatus, a.faultStatus == 429 ? 1049 : 1000, "Внутренняя ошибка сервера (injected)");
                return;
            }
            int weight = weight(rc.request().path());
            boolean allowed = a.rate.remaining() >= weight;
            if (allowed) {
                for (int i = 0; i < weight; i++) {
                    a.rate.tryAcquire();
                }
            }
            long reset = a.rate.millisUntilFree();
            rc.response().putHeader("X-RateLimit-Limit", String.valueOf(a.rate.limit()))
                    .putHeader("X-RateLimit-Remaining", String.valueOf(a.rate.remaining()))
                    .putHeader("X-Lognex-Retry-TimeInterval", String.valueOf(sim.options().rateWindow().toMillis()))
                    .putHeader("X-Lognex-Reset", String.valueOf(reset));
            if (!allowed) {
                rc.response().putHeader("X-Lognex-Retry-After", String.valueOf(Math.max(1, reset)));
                error(rc, 429, 1049, "Превышено ограничение на количество запросов в единицу времени");
                return;
            }
        }
        rc.next();
    }

    /**
     * The two full stock reports cost 5 units. Every account here is reached with login/password or
     * a user token (no vendor solutions), whose other requests cost 1 unit, then 2 from 2026-05-12,
     * 3 from 2026-09-01 and 4 from 2026-12-01.
     */
    private int weight(String path) {
        if (path.endsWith("/report/stock/all") || path.endsWith("/report/stock/bystore")) {
            return 5;
        }
        LocalDate today = LocalDate.ofInstant(sim.now(), MoyskladSimulator.MOSCOW);
        int weight = 1;
        for (LocalDate step : USER_WEIGHT_STEPS) {
            if (!today.isBefore(step)) {
                weight++;
            }
        }
        return weight;
    }

    private Account authenticate(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return sim.byToken(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : sim.byLogin(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        return null;
    }

    private void token(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            error(rc, 401, 1056, "Ошибка аутентификации: для получения токена нужен логин и пароль");
            return;
        }
        send(rc, 201, new JsonObject().put("access_token", sim.issueToken(account(rc))));
    }

    // ---- product attributes (CA9) ----

    private void attributes(RoutingContext rc) {
        Account a = account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            rows = a.attributes.values().stream().map(attr -> attributeView(rc, attr)).toList();
        }
        JsonObject meta = new JsonObject().put("href", base(rc) + "/entity/product/metadata/attributes")
                .put("type", "attributemetadata").put("mediaType", "application/json").put("size", rows.size())
                .put("limit", 1000).put("offset", 0);
        send(rc, 200, new JsonObject().put("meta", meta).put("rows", new JsonArray(new ArrayList<>(rows))));
    }

    private void createAttributes(RoutingContext rc) {
        JsonArray items = bodyArray(rc);
        if (items == null) {
            return;
        }
        Account a = account(rc);
        JsonArray created = new JsonArray();
        synchronized (a) {
            for (Object o : items) {
                JsonObject item = (JsonObject) o;
                String name = item.getString("name");
                if (name == null || name.isBlank()) {
                    error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'name' не может быть пустым или отсутствовать", "name");
                    return;
                }
                if (a.attributeByName(name) != null) {
                    error(rc, 412, 3006, "Ошибка сохранения объекта: нарушено ограничение уникальности по полю 'name'", "name");
                    return;
                }
                Account.Attribute attr = new Account.Attribute(UUID.randomUUID().toString(), name,
                        item.getString("type", "string"), item.getBoolean("required", false));
                a.attributes.put(attr.id(), attr);
                created.add(attributeView(rc, attr));
            }
        }
        send(rc, 200, created);
    }

    // ---- products, variants, stores ----

    private void products(RoutingContext rc) {
        Map<String, List<String>> filter = filter(rc);
        if (filter == null) {
            return;
        }
        Account a = account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            Predicate<Account.Product> match = p -> archived(filter, p.archived)
                    && matches(filter, "article", p.article) && matches(filter, "code", p.code)
                    && matches(filter, "externalCode", p.externalCode) && matches(filter, "name", p.name)
                    && matches(filter, "id", p.id) && attributesMatch(filter, p);
            rows = a.products.values().stream().filter(match).map(p -> productView(rc, a, p)).toList();
        }
        page(rc, rows, "product");
    }

    private void product(RoutingContext rc) {
        Account a = account(rc);
        synchronized (a) {
            Account.Product p = a.products.get(rc.pathParam("id"));
            if (p == null) {
                notFound(rc, "product");
                return;
            }
            send(rc, 200, productView(rc, a, p));
        }
    }

    /** Updates name, codes, description and attributes; attributes are merged by key as documented. */
    private void updateProduct(RoutingContext rc) {
        JsonObject body = bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = account(rc);
        JsonObject view;
        List<String> updated = new ArrayList<>();
        synchronized (a) {
            Account.Product p = a.products.get(rc.pathParam("id"));
            if (p == null) {
                notFound(rc, "product");
                return;
            }
            for (String field : List.of("name", "article", "code", "externalCode", "description")) {
                if (body.containsKey(field)) {
                    String value = body.getString(field);
                    switch (field) {
                        case "name" -> p.name = value;
                        case "article" -> p.article = value;
                        case "code" -> p.code = value;
                        case "externalCode" -> p.externalCode = value;
                        default -> p.description = value;
                    }
                    updated.add(field);
                }
            }
            if (!catalog.apply(rc, a, p, body, updated)) {
                return;
            }
            JsonArray attrs = body.getJsonArray("attributes");
            if (attrs != null) {
                for (Object o : attrs) {
                    JsonObject attr = (JsonObject) o;
                    String href = attr.getJsonObject("meta", new JsonObject()).getString("href", "");
                    Matcher m = ATTRIBUTE_KEY.matcher(href);
                    if (!m.matches() || !a.attributes.containsKey(m.group(1))) {
                        error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный доп. параметр " + href, "attributes");
                        return;
                    }
                    Object value = attr.getValue("value");
                    if (value == null) {
                        p.attributes.remove(m.group(1));
                    } else {
                        p.attributes.put(m.group(1), value);
                    }
                }
                updated.add("attributes");
            }
            p.updated = sim.now();
            view = productView(rc, a, p);
        }
        fireEntityHooks(rc, a, "product", view.getString("id"), "UPDATE", updated);
        send(rc, 200, view);
    }

    private void variants(RoutingContext rc) {
        Map<String, List<String>> filter = filter(rc);
        if (filter == null) {
            return;
        }
        Account a = account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            rows = a.variants.values().stream()
                    .filter(v -> archived(filter, v.archived) && matches(filter, "productid", v.productId)
                            && matches(filter, "article", v.article) && matches(filter, "code", v.code)
                            && matches(filter, "externalCode", v.externalCode) && matches(filter, "id", v.id))
                    .map(v -> variantView(rc, a, v)).toList();
        }
        page(rc, rows, "variant");
    }

    private void variant(RoutingContext rc) {
        Account a = account(rc);
        synchronized (a) {
            Account.Variant v = a.variants.get(rc.pathParam("id"));
            if (v == null) {
                notFound(rc, "variant");
                return;
            }
            send(rc, 200, variantView(rc, a, v));
        }
    }

    private void stores(RoutingContext rc) {
        Map<String, List<String>> filter = filter(rc);
        if (filter == null) {
            return;
        }
        Account a = account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            rows = a.stores.values().stream().filter(s -> archived(filter, s.archived))
                    .map(s -> {
                        JsonObject j = new JsonObject().put("meta", meta(rc, "store", s.id)).put("id", s.id)
                                .put("accountId", a.id).put("name", s.name);
                        putIfSet(j, "code", s.code);
                        return j.put("externalCode", s.externalCode).put("archived", s.archived).put("pathName", "");
                    }).toList();
        }
        page(rc, rows, "store");
    }

    // ---- stock reports ----

    /** {@code /report/stock/all} (per item, over the stores asked for) or {@code /bystore} (per item, per store). */
    private void stockReport(RoutingContext rc, boolean byStore) {
        Map<String, List<String>> filter = filter(rc);
        if (filter == null) {
            return;
        }
        Account a = account(rc);
        List<String> storeIds = idsOf(filter.get("store"));
        boolean byProduct = "product".equals(rc.request().getParam("groupBy"));
        List<JsonObject> rows = new ArrayList<>();
        synchronized (a) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (String id : a.levels.keySet()) {
                Account.Variant v = a.variants.get(id);
                String key = byProduct && v != null ? v.productId : id;
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
            groups.forEach((key, members) -> {
                if (!matchesHref(filter, "product", key) || !matchesHref(filter, "variant", key)) {
                    return;
                }
                JsonObject row = new JsonObject().put("meta", reportMeta(rc, a, key));
                if (byStore) {
                    JsonArray perStore = new JsonArray();
                    for (Account.Store s : a.stores.values()) {
                        double[] sum = sum(a, members, List.of(s.id));
                        perStore.add(new JsonObject().put("meta", meta(rc, "store", s.id)).put("name", s.name)
                                .put("stock", sum[0]).put("reserve", sum[1]).put("inTransit", sum[2]));
                    }
                    rows.add(row.put("stockByStore", perStore));
                    return;
                }
                double[] sum = sum(a, members, storeIds);
                if (!stockMode(rc.request().getParam("stockMode"), sum[0])) {
                    return;
                }
                describe(a, key, row);
                rows.add(row.put("stock", sum[0]).put("reserve", sum[1]).put("inTransit", sum[2])
                        .put("quantity", sum[0] - sum[1] + sum[2]).put("price", 0.0).put("stockDays", 0.0));
            });
        }
        page(rc, rows, "stock");
    }

    /** The short reports: a bare array of current values, one stock type per call. */
    private void currentReport(RoutingContext rc, boolean byStore) {
        Map<String, List<String>> filter = filter(rc);
        if (filter == null) {
            return;
        }
        String stockType = rc.request().getParam("stockType", "stock");
        if (!STOCK_TYPES.contains(stockType)) {
            error(rc, 400, 1000, "Неизвестное значение параметра stockType: " + stockType, "stockType");
            return;
        }
        Instant since = null;
        String changedSince = rc.request().getParam("changedSince");
        if (changedSince != null) {
            try {
                since = LocalDateTime.parse(changedSince, MoyskladSimulator.INPUT).atZone(MoyskladSimulator.MOSCOW).toInstant();
            } catch (DateTimeParseException e) {
                error(rc, 400, 1000, "Неверный формат даты в параметре changedSince: " + changedSince, "changedSince");
                return;
            }
        }
        boolean zeroLines = "zeroLines".equals(rc.request().getParam("include")) || since != null;
        List<String> ids = commaList(filter.get("assortmentId"));
        List<String> stores = commaList(filter.get("storeId"));
        JsonArray out = new JsonArray();
        Account a = account(rc);
        synchronized (a) {
            for (var entry : a.levels.entrySet()) {
                if (!ids.isEmpty() && !ids.contains(entry.getKey())) {
                    continue;
                }
                double total = 0;
                boolean changed = since == null;
                for (var level : entry.getValue().entrySet()) {
                    if (!stores.isEmpty() && !stores.contains(level.getKey())) {
                        continue;
                    }
                    Account.Level l = level.getValue();
                    boolean levelChanged = since == null || !l.changed.isBefore(since);
                    double value = value(l, stockType);
                    if (byStore && levelChanged && (zeroLines || value != 0)) {
                        out.add(new JsonObject().put("assortmentId", entry.getKey()).put("storeId", level.getKey())
                                .put(stockType, value));
                    }
                    total += value;
                    changed |= levelChanged;
                }
                if (!byStore && changed && (zeroLines || total != 0)) {
                    out.add(new JsonObject().put("assortmentId", entry.getKey()).put(stockType, total));
                }
            }
        }
        send(rc, 200, out);
    }

    private static double value(Account.Level l, String stockType) {
        return switch (stockType) {
            case "freeStock" -> l.stock - l.reserve;
            case "quantity" -> l.stock - l.reserve + l.inTransit;
            case "reserve" -> l.reserve;
            case "inTransit" -> l.inTransit;
            default -> l.stock;
        };
    }

    private static double[] sum(Account a, List<String> members, List<String> storeIds) {
        double[] sum = new double[3];
        for (String id : members) {
            a.levels.getOrDefault(id, Map.of()).forEach((store, l) -> {
                if (storeIds.isEmpty() || storeIds.contains(store)) {
                    sum[0] += l.stock;
                    sum[1] += l.reserve;
                    sum[2] += l.inTransit;
                }
            });
        }
        return sum;
    }

    private static boolean stockMode(String mode, double stock) {
        return switch (mode == null ? "all" : mode) {
            case "positiveOnly" -> stock > 0;
            case "negativeOnly" -> stock < 0;
            case "empty" -> stock == 0;
            case "nonEmpty" -> stock != 0;
            default -> true;
        };
    }

    // ---- webhooks ----

    private void hooks(RoutingContext rc, String type) {
        Account a = account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            rows = "webhookstock".equals(type)
                    ? a.stockHooks.values().stream().map(h -> stockHookView(rc, a, h)).toList()
                    : a.entityHooks.values().stream().map(h -> entityHookView(rc, a, h)).toList();
        }
        page(rc, rows, type);
    }

    private void createStockHook(RoutingContext rc) {
        JsonObject body = bodyObject(rc);
        if (body == null) {
            return;
        }
        String url = body.getString("url");
        String reportType = body.getString("reportType");
        String stockType = body.getString("stockType", "stock");
        if (url == null || url.isBlank()) {
            error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'url' не может быть пустым или отсутствовать", "url");
            return;
        }
        if (!"all".equals(reportType) && !"bystore".equals(reportType)) {
            error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'reportType' должно быть all или bystore", "reportType");
            return;
        }
        if (!STOCK_TYPES.contains(stockType)) {
            error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный stockType " + stockType, "stockType");
            return;
        }
        Account a = account(rc);
        synchronized (a) {
            Account.StockHook hook = new Account.StockHook(UUID.randomUUID().toString(), url,
                    body.getBoolean("enabled", true), reportType, stockType);
            a.stockHooks.put(hook.id(), hook);
            send(rc, 200, stockHookView(rc, a, hook));
        }
    }

    private void createEntityHook(RoutingContext rc) {
        JsonObject body = bodyObject(rc);
        if (body == null) {
            return;
        }
        String url = body.getString("url");
        String action = body.getString("action");
        String entityType = body.getString("entityType");
        if (url == null || action == null || entityType == null) {
            error(rc, 412, 3000, "Ошибка сохранения объекта: поля 'url', 'action' и 'entityType' обязательны", "url");
            return;
        }
        if (!HOOK_ACTIONS.contains(action) || Set.of("webhook", "discount", "notes").contains(entityType)) {
            error(rc, 412, 3000, "Ошибка сохранения объекта: недопустимое значение action/entityType", "action");
            return;
        }
        Account a = account(rc);
        synchronized (a) {
            boolean duplicate = a.entityHooks.values().stream().anyMatch(h -> h.url().equals(url)
                    && h.action().equals(action) && h.entityType().equals(entityType));
            if (duplicate) {
                error(rc, 412, 3006, "Ошибка сохранения объекта: нарушено ограничение уникальности вебхука", "url");
                return;
            }
            String diffType = "UPDATE".equals(action) ? body.getString("diffType", "NONE") : null;
            Account.EntityHook hook = new Account.EntityHook(UUID.randomUUID().toString(), url, action, entityType,
                    diffType, body.getBoolean("enabled", true));
            a.entityHooks.put(hook.id(), hook);
            send(rc, 200, entityHookView(rc, a, hook));
        }
    }

    private void deleteHook(RoutingContext rc, String type) {
        Account a = account(rc);
        synchronized (a) {
            Object removed = "webhookstock".equals(type) ? a.stockHooks.remove(rc.pathParam("id"))
                    : a.entityHooks.remove(rc.pathParam("id"));
            if (removed == null) {
                notFound(rc, type);
                return;
            }
        }
        rc.response().setStatusCode(200).end();
    }

    /** Entity webhooks carry only hrefs; hosts listed in X-Lognex-WebHook-DisableByPrefix are skipped. */
    void fireEntityHooks(RoutingContext rc, Account a, String entityType, String id, String action,
            List<String> updatedFields) {
        List<String> disabled = rc.request().headers().getAll("X-Lognex-WebHook-DisableByPrefix");
        List<Account.EntityHook> hooks;
        synchronized (a) {
            hooks = a.entityHooks.values().stream().filter(h -> h.enabled() && h.entityType().equals(entityType)
                    && h.action().equals(action) && disabled.stream().noneMatch(h.url()::startsWith)).toList();
        }
        for (Account.EntityHook h : hooks) {
            JsonObject event = new JsonObject().put("meta", new JsonObject().put("type", entityType)
                    .put("href", base(rc) + "/entity/" + entityType + "/" + id)).put("action", action).put("accountId", a.id);
            if ("FIELDS".equals(h.diffType())) {
                event.put("updatedFields", new JsonArray(new ArrayList<>(updatedFields)));
            }
            JsonObject audit = new JsonObject().put("meta", new JsonObject().put("type", "audit")
                    .put("href", base(rc) + "/audit/" + UUID.randomUUID())).put("moment",
                    MoyskladSimulator.INPUT.format(LocalDateTime.ofInstant(sim.now(), MoyskladSimulator.MOSCOW)))
                    .put("uid", a.login);
            sim.deliver(a, h.url(), new JsonObject().put("auditContext", audit).put("events", new JsonArray().add(event)));
        }
    }

    // ---- views ----

    JsonObject productView(RoutingContext rc, Account a, Account.Product p) {
        JsonObject j = new JsonObject().put("meta", meta(rc, "product", p.id)).put("id", p.id).put("accountId", a.id)
                .put("updated", MoyskladSimulator.moscow(p.updated)).put("name", p.name);
        putIfSet(j, "code", p.code);
        putIfSet(j, "article", p.article);
        j.put("externalCode", p.externalCode);
        putIfSet(j, "description", p.description);
        putIfSet(j, "syncId", p.syncId);
        Account.Folder folder = p.folderId == null ? null : a.folders.get(p.folderId);
        j.put("archived", p.archived).put("pathName", folder == null ? "" : CatalogApi.path(a, folder))
                .put("variantsCount", p.variantIds.size()).put("salePrices", salePrices(rc, a, p.prices, Map.of()));
        if (folder != null) {
            j.put("productFolder", new JsonObject().put("meta", meta(rc, "productfolder", folder.id)));
        }
        j.put("images", new JsonObject().put("meta", new JsonObject().put("href", base(rc) + "/entity/product/" + p.id + "/images")
                .put("type", "image").put("mediaType", "application/json").put("size", p.images.size())
                .put("limit", 1000).put("offset", 0)));
        if (!p.attributes.isEmpty()) {
            JsonArray attrs = new JsonArray();
            p.attributes.forEach((attrId, value) -> {
                Account.Attribute attr = a.attributes.get(attrId);
                attrs.add(attributeView(rc, attr).put("value", value));
            });
            j.put("attributes", attrs);
        }
        return j;
    }

    JsonObject variantView(RoutingContext rc, Account a, Account.Variant v) {
        JsonObject j = new JsonObject().put("meta", meta(rc, "variant", v.id)).put("id", v.id).put("accountId", a.id)
                .put("updated", MoyskladSimulator.moscow(v.updated)).put("name", v.name);
        putIfSet(j, "code", v.code);
        putIfSet(j, "article", v.article);
        j.put("externalCode", v.externalCode).put("archived", v.archived);
        JsonArray characteristics = new JsonArray();
        v.characteristics.forEach((name, value) -> {
            String id = a.characteristics.get(name);
            characteristics.add(new JsonObject().put("meta", new JsonObject()
                    .put("href", base(rc) + "/entity/variant/metadata/characteristics/" + id)
                    .put("type", "attributemetadata").put("mediaType", "application/json"))
                    .put("id", id).put("name", name).put("value", value));
        });
        j.put("characteristics", characteristics);
        // without own prices a variant shows its product's
        j.put("salePrices", salePrices(rc, a, a.products.get(v.productId).prices, v.prices));
        j.put("product", new JsonObject().put("meta", meta(rc, "product", v.productId)));
        return j;
    }

    JsonObject attributeView(RoutingContext rc, Account.Attribute attr) {
        return new JsonObject().put("meta", new JsonObject()
                        .put("href", base(rc) + "/entity/product/metadata/attributes/" + attr.id())
                        .put("type", "attributemetadata").put("mediaType", "application/json"))
                .put("id", attr.id()).put("name", attr.name()).put("type", attr.type())
                .put("required", attr.required()).put("show", true);
    }

    private JsonObject stockHookView(RoutingContext rc, Account a, Account.StockHook h) {
        return new JsonObject().put("meta", meta(rc, "webhookstock", h.id())).put("id", h.id()).put("accountId", a.id)
                .put("url", h.url()).put("enabled", h.enabled()).put("reportType", h.reportType())
                .put("stockType", h.stockType());
    }

    private JsonObject entityHookView(RoutingContext rc, Account a, Account.EntityHook h) {
        JsonObject j = new JsonObject().put("meta", meta(rc, "webhook", h.id())).put("id", h.id()).put("accountId", a.id)
                .put("entityType", h.entityType()).put("url", h.url()).put("method", "POST").put("enabled", h.enabled())
                .put("action", h.action());
        if (h.diffType() != null) {
            j.put("diffType", h.diffType());
        }
        return j;
    }

    /** Report rows point at the item with the {@code ?expand=supplier} suffix the real report adds. */
    private JsonObject reportMeta(RoutingContext rc, Account a, String id) {
        String type = a.variants.containsKey(id) ? "variant" : "product";
        JsonObject meta = meta(rc, type, id);
        return meta.put("href", meta.getString("href") + "?expand=supplier");
    }

    private static void describe(Account a, String id, JsonObject row) {
        Account.Variant v = a.variants.get(id);
        Account.Product p = v == null ? a.products.get(id) : a.products.get(v.productId);
        row.put("name", v == null ? p.name : v.name);
        putIfSet(row, "code", v == null ? p.code : v.code);
        putIfSet(row, "article", v == null ? p.article : v.article);
        row.put("externalCode", v == null ? p.externalCode : v.externalCode).put("salePrice", a.defaultPrice(p));
    }

    /** One entry per price type of the account, in its order; a type without a value shows 0 (guess 28). */
    private JsonArray salePrices(RoutingContext rc, Account a, Map<String, Double> prices, Map<String, Double> own) {
        JsonArray all = new JsonArray();
        for (Account.PriceType type : a.priceTypes) {
            double value = own.containsKey(type.id()) ? own.get(type.id()) : prices.getOrDefault(type.id(), 0.0);
            all.add(new JsonObject().put("value", value)
                    .put("currency", new JsonObject().put("meta", meta(rc, "currency", "6314188d-2c7f-11e6-8a84-bae500000055")))
                    .put("priceType", catalog.priceTypeView(rc, type)));
        }
        return all;
    }

    JsonObject meta(RoutingContext rc, String type, String id) {
        return new JsonObject().put("href", base(rc) + "/entity/" + type + "/" + id)
                .put("metadataHref", base(rc) + "/entity/" + type + "/metadata").put("type", type)
                .put("mediaType", "application/json");
    }

    // ---- envelopes, filters, errors ----

    /** A filtered list: {@code rows} runs inside the account's monitor; a bad filter has been answered already. */
    void list(RoutingContext rc, String type,
            java.util.function.BiFunction<Account, Map<String, List<String>>, List<JsonObject>> rows) {
        Map<String, List<String>> filter = filter(rc);
        if (filter == null) {
            return;
        }
        Account a = account(rc);
        List<JsonObject> found;
        synchronized (a) {
            found = rows.apply(a, filter);
        }
        page(rc, found, type);
    }

    /** {@code {context, meta{size, limit, offset, nextHref?, previousHref?}, rows}} with limit 1-1000. */
    void page(RoutingContext rc, List<JsonObject> all, String type) {
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(rc.request().getParam("limit", "1000"));
            offset = Integer.parseInt(rc.request().getParam("offset", "0"));
        } catch (NumberFormatException e) {
            error(rc, 400, 1000, "Неверное значение параметра limit или offset", "limit");
            return;
        }
        if (limit < 1 || limit > 1000 || offset < 0) {
            error(rc, 400, 1000, "Параметр limit должен быть от 1 до 1000, offset не меньше 0", "limit");
            return;
        }
        String href = base(rc) + rc.request().path().substring(rc.request().path().indexOf(PREFIX) + PREFIX.length());
        JsonObject meta = new JsonObject().put("href", href).put("type", type).put("mediaType", "application/json")
                .put("size", all.size()).put("limit", limit).put("offset", offset);
        // the other query parameters (filter, ...) stay in the neighbours' hrefs
        StringBuilder others = new StringBuilder();
        String query = rc.request().query();
        if (query != null) {
            for (String param : query.split("&")) {
                if (!param.startsWith("limit=") && !param.startsWith("offset=") && !param.isEmpty()) {
                    others.append('&').append(param);
                }
            }
        }
        if (offset + limit < all.size()) {
            meta.put("nextHref", href + "?limit=" + limit + "&offset=" + (offset + limit) + others);
        }
        if (offset > 0) {
            meta.put("previousHref", href + "?limit=" + limit + "&offset=" + Math.max(0, offset - limit) + others);
        }
        List<JsonObject> rows = offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
        JsonObject context = new JsonObject().put("employee", new JsonObject().put("meta", new JsonObject()
                .put("href", base(rc) + "/context/employee").put("type", "employee").put("mediaType", "application/json")));
        send(rc, 200, new JsonObject().put("context", context).put("meta", meta).put("rows", new JsonArray(new ArrayList<>(rows))));
    }

    /**
     * {@code filter=a=1;a=2;b=3}: the same key repeated is OR, different keys AND; {@code \;} is a
     * literal semicolon. Only {@code =} is supported; null (after an error answer) for other operators.
     */
    Map<String, List<String>> filter(RoutingContext rc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = rc.request().getParam("filter");
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String condition : raw.split("(?<!\\\\);")) {
            int eq = condition.indexOf('=');
            if (eq <= 0 || "!<>~".indexOf(condition.charAt(eq - 1)) >= 0
                    || (eq + 1 < condition.length() && condition.charAt(eq + 1) == '~')) {
                error(rc, 400, 1000, "Неподдерживаемое условие фильтрации: " + condition, "filter");
                return null;
            }
            out.computeIfAbsent(condition.substring(0, eq), k -> new ArrayList<>())
                    .add(condition.substring(eq + 1).replace("\\;", ";"));
        }
        return out;
    }

    static boolean matches(Map<String, List<String>> filter, String key, String value) {
        List<String> wanted = filter.get(key);
        if (wanted == null) {
            return true;
        }
        return wanted.stream().anyMatch(w -> w.isEmpty() ? value == null || value.isEmpty() : w.equals(value));
    }

    /** Archived items are left out unless the filter names {@code archived}. */
    static boolean archived(Map<String, List<String>> filter, boolean archived) {
        List<String> wanted = filter.get("archived");
        return wanted == null ? !archived : wanted.contains(String.valueOf(archived));
    }

    private static boolean attributesMatch(Map<String, List<String>> filter, Account.Product p) {
        for (var entry : filter.entrySet()) {
            Matcher m = ATTRIBUTE_KEY.matcher(entry.getKey());
            if (m.matches()) {
                Object value = p.attributes.get(m.group(1));
                if (entry.getValue().stream().noneMatch(w -> value != null && w.equals(String.valueOf(value)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesHref(Map<String, List<String>> filter, String key, String id) {
        List<String> wanted = filter.get(key);
        return wanted == null || idsOf(wanted).contains(id);
    }

    /** The ids at the end of hrefs. */
    private static List<String> idsOf(List<String> hrefs) {
        return hrefs == null ? List.of() : hrefs.stream().map(h -> h.substring(h.lastIndexOf('/') + 1)).toList();
    }

    private static List<String> commaList(List<String> values) {
        return values == null ? List.of()
                : values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim).toList();
    }

    JsonObject bodyObject(RoutingContext rc) {
        try {
            JsonObject body = rc.body().asJsonObject();
            if (body == null) {
                error(rc, 400, 2001, "Ошибка формата: тело запроса должно быть JSON-объектом");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            error(rc, 400, 2001, "Ошибка формата: тело запроса не является корректным JSON");
            return null;
        }
    }

    JsonArray bodyArray(RoutingContext rc) {
        try {
            JsonArray body = rc.body().asJsonArray();
            if (body == null || body.stream().anyMatch(o -> !(o instanceof JsonObject))) {
                error(rc, 400, 2001, "Ошибка формата: тело запроса должно быть массивом объектов");
                return null;
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            error(rc, 400, 2001, "Ошибка формата: тело запроса не является корректным JSON");
            return null;
        }
    }

    static Account account(RoutingContext rc) {
        return rc.get(ACCOUNT);
    }

    String base(RoutingContext rc) {
        return sim.base(rc) + PREFIX;
    }

    static void putIfSet(JsonObject j, String key, String value) {
        if (value != null) {
            j.put(key, value);
        }
    }

    static void notFound(RoutingContext rc, String type) {
        error(rc, 404, 1021, "Объект '" + type + "' с UUID '" + rc.pathParam("id") + "' не найден");
    }

    static void error(RoutingContext rc, int status, int code, String message) {
        error(rc, status, code, message, null);
    }

    static void error(RoutingContext rc, int status, int code, String message, String parameter) {
        JsonObject e = new JsonObject().put("error", message).put("code", code);
        if (parameter != null) {
            e.put("parameter", parameter);
        }
        e.put("moreInfo", "https://dev.moysklad.ru/doc/api/remap/1.2/#error_" + code);
        send(rc, status, new JsonObject().put("errors", new JsonArray().add(e)));
    }

    static void send(RoutingContext rc, int status, Object body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.toString());
    }
}

package dev.enlace.connector.moysklad.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product creation and the catalogue around it (moysklad.md §4.1, §4.2, §4.8, §4.10): product folders,
 * the price type list (first = default, "Цена продажи" in a new account; replaced as a whole),
 * variants with their characteristics and own prices, and product images sent as base64 and read
 * back through a temporary download link.
 */
final class CatalogApi {
    static final String PRICE_TYPE_ID = "672559f1-cbf3-11e1-9eb9-889ffa6f49fd";
    static final int MAX_IMAGES = 10;
    private static final Pattern FOLDER_HREF = Pattern.compile(".*/entity/productfolder/([0-9a-f-]{36})");
    private static final Pattern ATTRIBUTE_HREF = Pattern.compile(".*/entity/product/metadata/attributes/([0-9a-f-]{36})");
    private static final Pattern PRICE_TYPE_HREF = Pattern.compile(".*/context/companysettings/pricetype/([0-9a-f-]{36})");
    private static final Pattern PRODUCT_HREF = Pattern.compile(".*/entity/product/([0-9a-f-]{36})");
    private static final Pattern CHARACTERISTIC_HREF = Pattern.compile(".*/entity/variant/metadata/characteristics/([0-9a-f-]{36})");
    /** moysklad.md §4.10: the link lives 1 minute unless the request asks for up to 86,400 s. */
    static final int DOWNLOAD_SECONDS = 60;
    static final int MAX_DOWNLOAD_SECONDS = 86_400;
    static final int MAX_PRICE_TYPES = 100;

    private final MoyskladSimulator sim;
    private final Api api;

    CatalogApi(MoyskladSimulator sim, Api api) {
        this.sim = sim;
        this.api = api;
    }

    void mount(Router router) {
        String prefix = Api.PREFIX;
        router.get(prefix + "/context/companysettings/pricetype").handler(this::priceTypes);
        router.post(prefix + "/context/companysettings/pricetype").handler(this::replacePriceTypes);
        router.get(prefix + "/context/companysettings/pricetype/default").handler(rc -> {
            Account a = Api.account(rc);
            synchronized (a) {
                Api.send(rc, 200, priceTypeView(rc, a.priceTypes.get(0)));
            }
        });
        router.get(prefix + "/context/companysettings/pricetype/:id").handler(this::priceType);
        router.get(prefix + "/entity/variant/metadata/characteristics").handler(this::characteristics);
        router.post(prefix + "/entity/variant/metadata/characteristics").handler(this::createCharacteristic);
        router.post(prefix + "/entity/variant").handler(this::createVariant);
        router.put(prefix + "/entity/variant/:id").handler(this::updateVariant);
        router.get(prefix + "/download/:id").handler(this::download);
        router.get("/_files/:id/:filename").handler(this::serveFile);
        router.get(prefix + "/entity/productfolder").handler(this::folders);
        router.post(prefix + "/entity/productfolder").handler(this::createFolder);
        router.post(prefix + "/entity/product").handler(this::createProduct);
        router.get(prefix + "/entity/product/:id/images").handler(this::images);
        router.post(prefix + "/entity/product/:id/images").handler(this::addImage);
    }

    JsonObject priceTypeView(RoutingContext rc, Account.PriceType type) {
        return new JsonObject().put("meta", new JsonObject()
                        .put("href", api.base(rc) + "/context/companysettings/pricetype/" + type.id())
                        .put("type", "pricetype").put("mediaType", "application/json"))
                .put("id", type.id()).put("name", type.name()).put("externalCode", type.externalCode());
    }

    // ---- price types (§4.8): a bare array, replaced as a whole ----

    private void priceTypes(RoutingContext rc) {
        Account a = Api.account(rc);
        JsonArray all = new JsonArray();
        synchronized (a) {
            a.priceTypes.forEach(t -> all.add(priceTypeView(rc, t)));
        }
        Api.send(rc, 200, all);
    }

    private void priceType(RoutingContext rc) {
        Account a = Api.account(rc);
        synchronized (a) {
            Account.PriceType type = a.priceTypes.stream().filter(t -> t.id().equals(rc.pathParam("id"))).findFirst().orElse(null);
            if (type == null) {
                Api.notFound(rc, "pricetype");
                return;
            }
            Api.send(rc, 200, priceTypeView(rc, type));
        }
    }

    /**
     * The complete list: entries with a {@code meta} keep that type (renamed when the name differs),
     * entries without one are new, types left out are deleted; the order is kept and the first is the
     * default. At most 100, names unique.
     */
    private void replacePriceTypes(RoutingContext rc) {
        JsonArray items = api.bodyArray(rc);
        if (items == null) {
            return;
        }
        Account a = Api.account(rc);
        JsonArray all = new JsonArray();
        synchronized (a) {
            if (items.isEmpty() || items.size() > MAX_PRICE_TYPES) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: типов цен должно быть от 1 до " + MAX_PRICE_TYPES, "name");
                return;
            }
            List<Account.PriceType> next = new ArrayList<>();
            for (Object o : items) {
                JsonObject item = (JsonObject) o;
                String name = item.getString("name");
                if (name == null || name.isBlank()) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'name' не может быть пустым или отсутствовать", "name");
                    return;
                }
                if (next.stream().anyMatch(t -> t.name().equals(name))) {
                    Api.error(rc, 412, 3006, "Ошибка сохранения объекта: нарушено ограничение уникальности по полю 'name'", "name");
                    return;
                }
                Matcher m = PRICE_TYPE_HREF.matcher(item.getJsonObject("meta", new JsonObject()).getString("href", ""));
                String id = m.matches() ? m.group(1) : null;
                Account.PriceType known = id == null ? null
                        : a.priceTypes.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
                if (id != null && known == null) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный тип цены " + id, "meta");
                    return;
                }
                next.add(known == null ? new Account.PriceType(UUID.randomUUID().toString(), name,
                        item.getString("externalCode", UUID.randomUUID().toString()))
                        : new Account.PriceType(known.id(), name, known.externalCode()));
            }
            a.priceTypes.clear();
            a.priceTypes.addAll(next);
            next.forEach(t -> all.add(priceTypeView(rc, t)));
        }
        Api.send(rc, 200, all);
    }

    // ---- folders ----

    private void folders(RoutingContext rc) {
        Map<String, List<String>> filter = api.filter(rc);
        if (filter == null) {
            return;
        }
        Account a = Api.account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            rows = a.folders.values().stream().filter(f -> Api.archived(filter, f.archived)
                    && Api.matches(filter, "name", f.name) && Api.matches(filter, "id", f.id)
                    && Api.matches(filter, "externalCode", f.externalCode)).map(f -> folderView(rc, a, f)).toList();
        }
        api.page(rc, rows, "productfolder");
    }

    /** {@code {"name": "...", "productFolder": {"meta": parent}}}; names need not be unique. */
    private void createFolder(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = Api.account(rc);
        JsonObject view;
        synchronized (a) {
            String name = body.getString("name");
            if (name == null || name.isBlank()) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'name' не может быть пустым или отсутствовать", "name");
                return;
            }
            Account.Folder f = new Account.Folder();
            f.name = name;
            JsonObject parent = body.getJsonObject("productFolder");
            if (parent != null) {
                f.parentId = folderId(a, parent);
                if (f.parentId == null) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестная группа", "productFolder");
                    return;
                }
            }
            if (body.getString("externalCode") != null) {
                f.externalCode = body.getString("externalCode");
            }
            f.updated = sim.now();
            a.folders.put(f.id, f);
            view = folderView(rc, a, f);
        }
        Api.send(rc, 200, view);
    }

    private JsonObject folderView(RoutingContext rc, Account a, Account.Folder f) {
        JsonObject j = new JsonObject().put("meta", api.meta(rc, "productfolder", f.id)).put("id", f.id)
                .put("accountId", a.id).put("updated", MoyskladSimulator.moscow(f.updated)).put("name", f.name)
                .put("externalCode", f.externalCode).put("archived", f.archived)
                .put("pathName", f.parentId == null ? "" : path(a, a.folders.get(f.parentId)));
        if (f.parentId != null) {
            j.put("productFolder", new JsonObject().put("meta", api.meta(rc, "productfolder", f.parentId)));
        }
        return j;
    }

    /** A folder's full path, parents first, joined by "/" as MoySklad's {@code pathName}. */
    static String path(Account a, Account.Folder f) {
        List<String> names = new ArrayList<>();
        for (Account.Folder at = f; at != null; at = at.parentId == null ? null : a.folders.get(at.parentId)) {
            names.add(0, at.name);
        }
        return String.join("/", names);
    }

    // ---- products ----

    /**
     * One object, or an array of up to 1,000 (bulk create); {@code name} is required. A {@code syncId}
     * already used by a product makes the create an update of that product (idempotent create).
     */
    private void createProduct(RoutingContext rc) {
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(rc.body().buffer());
        } catch (RuntimeException e) {
            parsed = null;
        }
        boolean bulk = parsed instanceof JsonArray;
        JsonArray items = bulk ? (JsonArray) parsed : parsed instanceof JsonObject o ? new JsonArray().add(o) : null;
        if (items == null || items.stream().anyMatch(o -> !(o instanceof JsonObject))) {
            Api.error(rc, 400, 2001, "Ошибка формата: тело запроса должно быть JSON-объектом или массивом");
            return;
        }
        if (items.size() > 1000) {
            Api.error(rc, 413, 1000, "Превышено ограничение на количество элементов в массиве: 1000");
            return;
        }
        Account a = Api.account(rc);
        JsonArray created = new JsonArray();
        List<String> ids = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        synchronized (a) {
            for (Object o : items) {
                JsonObject body = (JsonObject) o;
                String syncId = body.getString("syncId");
                Account.Product known = syncId == null ? null : a.products.values().stream()
                        .filter(p -> syncId.equals(p.syncId)).findFirst().orElse(null);
                if (known != null) {
                    for (String field : List.of("name", "article", "code", "description")) {
                        if (body.containsKey(field)) {
                            switch (field) {
                                case "name" -> known.name = body.getString(field);
                                case "article" -> known.article = body.getString(field);
                                case "code" -> known.code = body.getString(field);
                                default -> known.description = body.getString(field);
                            }
                        }
                    }
                    if (!apply(rc, a, known, body, new ArrayList<>()) || !attributes(rc, a, known, body)) {
                        return;
                    }
                    known.updated = sim.now();
                    repeated.add(known.id);
                    created.add(api.productView(rc, a, known));
                    continue;
                }
                String name = body.getString("name");
                if (name == null || name.isBlank()) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'name' не может быть пустым или отсутствовать", "name");
                    return;
                }
                Account.Product p = new Account.Product();
                p.name = name;
                p.code = body.getString("code");
                p.article = body.getString("article");
                p.description = body.getString("description");
                p.externalCode = body.getString("externalCode", UUID.randomUUID().toString());
                p.syncId = syncId;
                if (!apply(rc, a, p, body, new ArrayList<>()) || !attributes(rc, a, p, body)) {
                    return;
                }
                p.updated = sim.now();
                a.products.put(p.id, p);
                ids.add(p.id);
                created.add(api.productView(rc, a, p));
            }
        }
        for (String id : ids) {
            api.fireEntityHooks(rc, a, "product", id, "CREATE", List.of());
        }
        for (String id : repeated) {
            api.fireEntityHooks(rc, a, "product", id, "UPDATE", List.of());
        }
        Api.send(rc, 200, bulk ? created : created.getJsonObject(0));
    }

    /**
     * The fields create and update share beyond the plain strings: {@code salePrices} (merged by price
     * type; only the default type exists) and {@code productFolder} ({@code null} takes the product out).
     * False after an error answer.
     */
    boolean apply(RoutingContext rc, Account a, Account.Product p, JsonObject body, List<String> updated) {
        if (!salePrices(rc, a, body, p.prices, updated)) {
            return false;
        }
        if (body.containsKey("productFolder")) {
            JsonObject folder = body.getJsonObject("productFolder");
            if (folder == null) {
                p.folderId = null;
            } else {
                String id = folderId(a, folder);
                if (id == null) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестная группа", "productFolder");
                    return false;
                }
                p.folderId = id;
            }
            updated.add("productFolder");
        }
        return true;
    }

    /** {@code salePrices} merged by price type (§4.1: types not sent keep their value). False after an error answer. */
    private static boolean salePrices(RoutingContext rc, Account a, JsonObject body, Map<String, Double> into,
            List<String> updated) {
        JsonArray prices = body.getJsonArray("salePrices");
        if (prices == null) {
            return true;
        }
        Map<String, Double> changes = new java.util.LinkedHashMap<>();
        for (Object o : prices) {
            JsonObject price = o instanceof JsonObject j ? j : new JsonObject();
            String href = price.getJsonObject("priceType", new JsonObject()).getJsonObject("meta", new JsonObject())
                    .getString("href", "");
            Matcher m = PRICE_TYPE_HREF.matcher(href);
            if (!m.matches() || a.priceTypes.stream().noneMatch(t -> t.id().equals(m.group(1)))) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный тип цены " + href, "salePrices");
                return false;
            }
            Number value = price.getNumber("value");
            if (value == null) {
                Api.error(rc, 400, 2016, "Ошибка формата: поле 'value' должно быть числом", "value");
                return false;
            }
            changes.put(m.group(1), value.doubleValue());
        }
        into.putAll(changes);
        updated.add("salePrices");
        return true;
    }

    private static boolean attributes(RoutingContext rc, Account a, Account.Product p, JsonObject body) {
        JsonArray attrs = body.getJsonArray("attributes");
        if (attrs == null) {
            return true;
        }
        for (Object o : attrs) {
            JsonObject attr = (JsonObject) o;
            Matcher m = ATTRIBUTE_HREF.matcher(attr.getJsonObject("meta", new JsonObject()).getString("href", ""));
            if (!m.matches() || !a.attributes.containsKey(m.group(1))) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный доп. параметр", "attributes");
                return false;
            }
            if (attr.getValue("value") != null) {
                p.attributes.put(m.group(1), attr.getValue("value"));
            }
        }
        return true;
    }

    private static String folderId(Account a, JsonObject ref) {
        Matcher m = FOLDER_HREF.matcher(ref.getJsonObject("meta", new JsonObject()).getString("href", ""));
        return m.matches() && a.folders.containsKey(m.group(1)) ? m.group(1) : null;
    }

    // ---- variants (§4.2) ----

    private void characteristics(RoutingContext rc) {
        Account a = Api.account(rc);
        JsonArray rows = new JsonArray();
        synchronized (a) {
            a.characteristics.forEach((name, id) -> rows.add(characteristicView(rc, id, name)));
        }
        Api.send(rc, 200, new JsonObject().put("meta", new JsonObject()
                .put("href", api.base(rc) + "/entity/variant/metadata/characteristics").put("type", "attributemetadata")
                .put("mediaType", "application/json").put("size", rows.size())).put("characteristics", rows));
    }

    /** {@code {"name": "Размер", "type": "string"}}: a characteristic definition; names are unique. */
    private void createCharacteristic(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = Api.account(rc);
        synchronized (a) {
            String name = body.getString("name");
            if (name == null || name.isBlank()) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'name' не может быть пустым или отсутствовать", "name");
                return;
            }
            if (a.characteristics.containsKey(name)) {
                Api.error(rc, 412, 3006, "Ошибка сохранения объекта: нарушено ограничение уникальности по полю 'name'", "name");
                return;
            }
            String id = UUID.randomUUID().toString();
            a.characteristics.put(name, id);
            Api.send(rc, 200, characteristicView(rc, id, name));
        }
    }

    private JsonObject characteristicView(RoutingContext rc, String id, String name) {
        return new JsonObject().put("meta", new JsonObject()
                        .put("href", api.base(rc) + "/entity/variant/metadata/characteristics/" + id)
                        .put("type", "attributemetadata").put("mediaType", "application/json"))
                .put("id", id).put("name", name).put("type", "string").put("required", false);
    }

    /**
     * {@code product{meta}} and at least one characteristic are required; each characteristic is
     * found by {@code id} (or its meta), else by {@code name}, among the account's definitions.
     */
    private void createVariant(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = Api.account(rc);
        String id;
        synchronized (a) {
            Matcher m = PRODUCT_HREF.matcher(body.getJsonObject("product", new JsonObject())
                    .getJsonObject("meta", new JsonObject()).getString("href", ""));
            Account.Product product = m.matches() ? a.products.get(m.group(1)) : null;
            if (product == null) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'product' не может быть пустым или отсутствовать", "product");
                return;
            }
            JsonArray characteristics = body.getJsonArray("characteristics");
            if (characteristics == null || characteristics.isEmpty()) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'characteristics' не может быть пустым или отсутствовать",
                        "characteristics");
                return;
            }
            Account.Variant v = new Account.Variant();
            if (!characteristics(rc, a, characteristics, v.characteristics)
                    || !salePrices(rc, a, body, v.prices, new ArrayList<>())) {
                return;
            }
            v.productId = product.id;
            v.article = body.getString("article");
            v.code = body.getString("code");
            v.externalCode = body.getString("externalCode", UUID.randomUUID().toString());
            v.name = body.getString("name", product.name + " (" + String.join(", ", v.characteristics.values()) + ")");
            v.updated = sim.now();
            a.variants.put(v.id, v);
            product.variantIds.add(v.id);
            id = v.id;
        }
        api.fireEntityHooks(rc, a, "variant", id, "CREATE", List.of());
        synchronized (a) {
            Api.send(rc, 200, api.variantView(rc, a, a.variants.get(id)));
        }
    }

    /** Name, codes, own sale prices (merged by type) and characteristic values. */
    private void updateVariant(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = Api.account(rc);
        List<String> updated = new ArrayList<>();
        JsonObject view;
        synchronized (a) {
            Account.Variant v = a.variants.get(rc.pathParam("id"));
            if (v == null) {
                Api.notFound(rc, "variant");
                return;
            }
            Map<String, String> values = new java.util.LinkedHashMap<>(v.characteristics);
            JsonArray characteristics = body.getJsonArray("characteristics");
            if (characteristics != null && !characteristics(rc, a, characteristics, values)) {
                return;
            }
            Map<String, Double> prices = new java.util.LinkedHashMap<>(v.prices);
            if (!salePrices(rc, a, body, prices, updated)) {
                return;
            }
            for (String field : List.of("name", "article", "code", "externalCode")) {
                if (body.containsKey(field)) {
                    String value = body.getString(field);
                    switch (field) {
                        case "name" -> v.name = value;
                        case "article" -> v.article = value;
                        case "code" -> v.code = value;
                        default -> v.externalCode = value;
                    }
                    updated.add(field);
                }
            }
            if (characteristics != null) {
                v.characteristics.clear();
                v.characteristics.putAll(values);
                updated.add("characteristics");
            }
            v.prices.clear();
            v.prices.putAll(prices);
            v.updated = sim.now();
            view = api.variantView(rc, a, v);
        }
        api.fireEntityHooks(rc, a, "variant", view.getString("id"), "UPDATE", updated);
        Api.send(rc, 200, view);
    }

    /** Resolves each {@code {id|meta|name, value}} into name to value. False after an error answer. */
    private static boolean characteristics(RoutingContext rc, Account a, JsonArray given, Map<String, String> into) {
        for (Object o : given) {
            JsonObject c = o instanceof JsonObject j ? j : new JsonObject();
            Matcher m = CHARACTERISTIC_HREF.matcher(c.getJsonObject("meta", new JsonObject()).getString("href", ""));
            String id = c.getString("id", m.matches() ? m.group(1) : null);
            String name = id == null ? c.getString("name") : a.characteristics.entrySet().stream()
                    .filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(null);
            if (name == null || !a.characteristics.containsKey(name)) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестная характеристика "
                        + (id == null ? c.getString("name") : id), "characteristics");
                return false;
            }
            String value = c.getString("value");
            if (value == null || value.isBlank()) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: значение характеристики не может быть пустым", "characteristics");
                return false;
            }
            into.put(name, value);
        }
        return true;
    }

    // ---- downloads (§4.10): a redirect to a temporary link that needs no auth ----

    private void download(RoutingContext rc) {
        Account a = Api.account(rc);
        String imageId = rc.pathParam("id");
        Account.Image image;
        synchronized (a) {
            image = a.image(imageId);
        }
        if (image == null) {
            Api.notFound(rc, "download");
            return;
        }
        int seconds = DOWNLOAD_SECONDS;
        String asked = rc.request().getHeader("X-Lognex-Download-Expiration-Seconds");
        if (asked != null && asked.trim().matches("\\d{1,9}")) {
            seconds = Math.max(1, Math.min(MAX_DOWNLOAD_SECONDS, Integer.parseInt(asked.trim())));
        }
        long expires = sim.now().getEpochSecond() + seconds;
        String link = sim.base(rc) + "/_files/" + imageId + "/" + java.net.URLEncoder.encode(image.filename(),
                java.nio.charset.StandardCharsets.UTF_8) + "?expires=" + expires + "&signature=" + sim.sign(imageId + ":" + expires);
        rc.response().setStatusCode(302).putHeader("Location", link).end();
    }

    /** The temporary link: no auth; 403 once expired or when the signature does not match. */
    private void serveFile(RoutingContext rc) {
        String imageId = rc.pathParam("id");
        String expires = rc.request().getParam("expires", "");
        String signature = rc.request().getParam("signature", "");
        Account.Image image = sim.image(imageId);
        if (image == null || !expires.matches("\\d+") || !sim.sign(imageId + ":" + expires).equals(signature)
                || Long.parseLong(expires) < sim.now().getEpochSecond()) {
            rc.response().setStatusCode(image == null ? 404 : 403).end();
            return;
        }
        String type = image.filename().toLowerCase().endsWith(".png") ? "image/png" : "image/jpeg";
        rc.response().putHeader("Content-Type", type).end(io.vertx.core.buffer.Buffer.buffer(image.content()));
    }

    // ---- images ----

    private void images(RoutingContext rc) {
        Account a = Api.account(rc);
        List<JsonObject> rows;
        synchronized (a) {
            Account.Product p = a.products.get(rc.pathParam("id"));
            if (p == null) {
                Api.notFound(rc, "product");
                return;
            }
            rows = p.images.stream().map(i -> imageView(rc, p, i)).toList();
        }
        api.page(rc, rows, "image");
    }

    /** {@code {"filename":"a.png","content":"<base64>"}}: jpg or png, at most 10 per product; answers the product's images. */
    private void addImage(RoutingContext rc) {
        JsonObject body = api.bodyObject(rc);
        if (body == null) {
            return;
        }
        Account a = Api.account(rc);
        JsonArray all = new JsonArray();
        synchronized (a) {
            Account.Product p = a.products.get(rc.pathParam("id"));
            if (p == null) {
                Api.notFound(rc, "product");
                return;
            }
            String filename = body.getString("filename");
            byte[] content;
            try {
                content = Base64.getDecoder().decode(body.getString("content", ""));
            } catch (IllegalArgumentException e) {
                content = new byte[0];
            }
            if (filename == null || filename.isBlank()) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: поле 'filename' не может быть пустым", "filename");
                return;
            }
            if (!isJpegOrPng(content)) {
                Api.error(rc, 400, 51002, "Некорректное содержимое изображения", "content");
                return;
            }
            if (p.images.size() >= MAX_IMAGES) {
                Api.error(rc, 412, 3000, "Ошибка сохранения объекта: у товара не может быть больше 10 изображений", "images");
                return;
            }
            p.images.add(new Account.Image(UUID.randomUUID().toString(), filename, content, sim.now()));
            p.updated = sim.now();
            p.images.forEach(i -> all.add(imageView(rc, p, i)));
        }
        // the product's image list changed (guess 29)
        api.fireEntityHooks(rc, a, "product", rc.pathParam("id"), "UPDATE", List.of("images"));
        Api.send(rc, 200, all);
    }

    private JsonObject imageView(RoutingContext rc, Account.Product p, Account.Image i) {
        String href = api.base(rc) + "/entity/product/" + p.id + "/images/" + i.id();
        String download = api.base(rc) + "/download/" + i.id();
        return new JsonObject().put("meta", new JsonObject().put("href", href).put("type", "image")
                        .put("mediaType", "application/json").put("downloadHref", download))
                .put("title", i.filename().replaceAll("\\.[^.]*$", "")).put("filename", i.filename())
                .put("size", i.content().length).put("updated", MoyskladSimulator.moscow(i.updated()))
                .put("miniature", new JsonObject().put("href", download + "?miniature=true"))
                .put("tiny", new JsonObject().put("href", download + "?miniature=true"));
    }

    /** The magic numbers of JPEG ({@code FF D8 FF}) and PNG ({@code 89 'P' 'N' 'G'}). */
    private static boolean isJpegOrPng(byte[] b) {
        return (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF)
                || (b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G');
    }
}

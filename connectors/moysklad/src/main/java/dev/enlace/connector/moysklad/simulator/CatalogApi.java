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
 * Product creation and the catalogue around it (moysklad.md §4.1, §4.8, §4.10): product folders,
 * the price type list (one default type, "Цена продажи"), and product images sent as base64.
 */
final class CatalogApi {
    static final String PRICE_TYPE_ID = "672559f1-cbf3-11e1-9eb9-889ffa6f49fd";
    static final int MAX_IMAGES = 10;
    private static final Pattern FOLDER_HREF = Pattern.compile(".*/entity/productfolder/([0-9a-f-]{36})");
    private static final Pattern ATTRIBUTE_HREF = Pattern.compile(".*/entity/product/metadata/attributes/([0-9a-f-]{36})");

    private final MoyskladSimulator sim;
    private final Api api;

    CatalogApi(MoyskladSimulator sim, Api api) {
        this.sim = sim;
        this.api = api;
    }

    void mount(Router router) {
        String prefix = Api.PREFIX;
        router.get(prefix + "/context/companysettings/pricetype").handler(rc ->
                Api.send(rc, 200, new JsonArray().add(priceType(rc).put("name", "Цена продажи"))));
        router.get(prefix + "/context/companysettings/pricetype/default").handler(rc -> Api.send(rc, 200, priceType(rc)));
        router.get(prefix + "/entity/productfolder").handler(this::folders);
        router.post(prefix + "/entity/productfolder").handler(this::createFolder);
        router.post(prefix + "/entity/product").handler(this::createProduct);
        router.get(prefix + "/entity/product/:id/images").handler(this::images);
        router.post(prefix + "/entity/product/:id/images").handler(this::addImage);
    }

    JsonObject priceType(RoutingContext rc) {
        return new JsonObject().put("meta", new JsonObject()
                        .put("href", api.base(rc) + "/context/companysettings/pricetype/" + PRICE_TYPE_ID)
                        .put("type", "pricetype").put("mediaType", "application/json"))
                .put("id", PRICE_TYPE_ID).put("name", "Цена продажи").put("externalCode", "cbcf493b-55bc-11d9-848a-00112f43529a");
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
        JsonArray prices = body.getJsonArray("salePrices");
        if (prices != null) {
            for (Object o : prices) {
                JsonObject price = (JsonObject) o;
                String href = price.getJsonObject("priceType", new JsonObject()).getJsonObject("meta", new JsonObject())
                        .getString("href", "");
                if (!href.endsWith("/" + PRICE_TYPE_ID)) {
                    Api.error(rc, 412, 3000, "Ошибка сохранения объекта: неизвестный тип цены " + href, "salePrices");
                    return false;
                }
                Number value = price.getNumber("value");
                if (value == null) {
                    Api.error(rc, 400, 2016, "Ошибка формата: поле 'value' должно быть числом", "value");
                    return false;
                }
                p.price = value.doubleValue();
            }
            updated.add("salePrices");
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

package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.RequestPaths;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The catalogue structure around products (insales.md §5.5): back-office categories, storefront
 * collections and the collects that put products in them, and product images. Images sent as a
 * base64 {@code attachment} are served back from the shop's own host, as the CDN would serve them.
 */
final class CatalogRoutes {
    private final InsalesSimulator sim;
    private final ApiRoutes api;

    CatalogRoutes(InsalesSimulator sim, ApiRoutes api) {
        this.sim = sim;
        this.api = api;
    }

    void mount(Router r) {
        groups(r, "categories", "category", shop -> shop.categories);
        groups(r, "collections", "collection", shop -> shop.collections);
        api.on(r, HttpMethod.GET, "/collects\\.json", (ctx, shop) -> {
            Predicate<Shop.Collect> match = c -> matches(ctx, "product_id", c.productId())
                    && matches(ctx, "collection_id", c.collectionId());
            ArrayNode a = InsalesSimulator.JSON.createArrayNode();
            shop.collects.values().stream().filter(match).forEach(c -> a.add(collectJson(c)));
            return a;
        });
        api.on(r, HttpMethod.POST, "/collects\\.json", this::createCollect);
        api.on(r, HttpMethod.DELETE, "/collects/(?<id>\\d+)\\.json", (ctx, shop) -> {
            Shop.Collect c = shop.collects.remove(ApiRoutes.id(ctx, "id"));
            if (c == null) {
                throw ApiRoutes.Failure.notFound();
            }
            Shop.Product p = shop.products.get(c.productId());
            if (p != null) {
                p.collects.remove(c);
            }
            return InsalesSimulator.JSON.createObjectNode();
        });
        api.on(r, HttpMethod.GET, "/products/(?<id>\\d+)/images\\.json", (ctx, shop) -> {
            ArrayNode a = InsalesSimulator.JSON.createArrayNode();
            ApiRoutes.product(ctx, shop).images.forEach(i -> a.add(imageJson(i)));
            return a;
        });
        api.on(r, HttpMethod.POST, "/products/(?<id>\\d+)/images\\.json", this::createImage);
        api.on(r, HttpMethod.DELETE, "/products/(?<id>\\d+)/images/(?<iid>\\d+)\\.json", (ctx, shop) -> {
            Shop.Product p = ApiRoutes.product(ctx, shop);
            long imageId = ApiRoutes.id(ctx, "iid");
            if (!p.images.removeIf(i -> i.id() == imageId)) {
                throw ApiRoutes.Failure.notFound();
            }
            p.updatedAt = sim.now();
            return InsalesSimulator.JSON.createObjectNode();
        });
        // the "CDN": no auth, like a public image URL
        r.getWithRegex("/shops/(?<shop>[a-z0-9-]+)/images/(?<pid>\\d+)/(?<iid>\\d+)/[^/]+").handler(this::serveImage);
    }

    private void groups(Router r, String plural, String singular, java.util.function.Function<Shop, Map<Long, Shop.Group>> of) {
        api.on(r, HttpMethod.GET, "/" + plural + "\\.json", (ctx, shop) -> {
            ArrayNode a = InsalesSimulator.JSON.createArrayNode();
            of.apply(shop).values().forEach(g -> a.add(groupJson(g)));
            return a;
        });
        api.on(r, HttpMethod.GET, "/" + plural + "/(?<id>\\d+)\\.json", (ctx, shop) -> {
            Shop.Group g = of.apply(shop).get(ApiRoutes.id(ctx, "id"));
            if (g == null) {
                throw ApiRoutes.Failure.notFound();
            }
            return groupJson(g);
        });
        api.on(r, HttpMethod.POST, "/" + plural + "\\.json", (ctx, shop) -> {
            JsonNode in = ApiRoutes.root(ctx, singular);
            String title = ApiRoutes.text(in, "title");
            if (title == null || title.isBlank()) {
                throw ApiRoutes.Failure.invalid("title", "не может быть пустым");
            }
            Long parent = in.hasNonNull("parent_id") ? in.get("parent_id").asLong() : null;
            if (parent != null && !of.apply(shop).containsKey(parent)) {
                throw ApiRoutes.Failure.invalid("parent_id", "имеет неверное значение");
            }
            Shop.Group g = new Shop.Group(sim.nextCatalogId(), title, parent, sim.now());
            of.apply(shop).put(g.id(), g);
            ctx.response().setStatusCode(201);
            return groupJson(g);
        });
    }

    private JsonNode createCollect(RoutingContext ctx, Shop shop) {
        JsonNode in = ApiRoutes.root(ctx, "collect");
        Shop.Product p = shop.products.get(in.path("product_id").asLong(-1));
        if (p == null) {
            throw ApiRoutes.Failure.invalid("product_id", "имеет неверное значение");
        }
        long collectionId = in.path("collection_id").asLong(-1);
        if (!shop.collections.containsKey(collectionId)) {
            throw ApiRoutes.Failure.invalid("collection_id", "имеет неверное значение");
        }
        if (p.collects.stream().anyMatch(c -> c.collectionId() == collectionId)) {
            throw ApiRoutes.Failure.invalid("product_id", "уже существует");
        }
        Shop.Collect c = new Shop.Collect(sim.nextCatalogId(), p.id, collectionId);
        shop.collects.put(c.id(), c);
        p.collects.add(c);
        ctx.response().setStatusCode(201);
        return collectJson(c);
    }

    /** {@code {"image":{"src":"https://…"}}} or {@code {"image":{"attachment":"<base64>","filename":"a.jpg"}}}. */
    private JsonNode createImage(RoutingContext ctx, Shop shop) {
        Shop.Product p = ApiRoutes.product(ctx, shop);
        JsonNode in = ApiRoutes.root(ctx, "image");
        long id = sim.nextCatalogId();
        String src = ApiRoutes.text(in, "src");
        String attachment = ApiRoutes.text(in, "attachment");
        Shop.Image image;
        if (attachment != null) {
            byte[] content;
            try {
                content = Base64.getDecoder().decode(attachment);
            } catch (IllegalArgumentException e) {
                throw ApiRoutes.Failure.invalid("attachment", "имеет неверное значение");
            }
            String filename = ApiRoutes.text(in, "filename") == null ? id + ".jpg" : ApiRoutes.text(in, "filename");
            String url = RequestPaths.base(ctx) + "/shops/" + shop.name + "/images/" + p.id + "/" + id + "/" + filename;
            image = new Shop.Image(id, p.id, p.images.size() + 1, url, filename, content, sim.now());
        } else if (src != null && src.matches("https?://.+")) {
            // the file name is the URL's last path segment, without its query (guess 22)
            String path = src.replaceAll("[?#].*$", "");
            String filename = java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
            image = new Shop.Image(id, p.id, p.images.size() + 1, src, filename, null, sim.now());
        } else {
            throw ApiRoutes.Failure.invalid("src", "не может быть пустым");
        }
        p.images.add(image);
        p.updatedAt = sim.now();
        ctx.response().setStatusCode(201);
        return imageJson(image);
    }

    private void serveImage(RoutingContext ctx) {
        Shop shop = sim.findShop(ctx.pathParam("shop"));
        Shop.Image image = null;
        if (shop != null) {
            synchronized (shop) {
                Shop.Product p = shop.products.get(Long.parseLong(ctx.pathParam("pid")));
                long imageId = Long.parseLong(ctx.pathParam("iid"));
                image = p == null ? null : p.images.stream().filter(i -> i.id() == imageId).findFirst().orElse(null);
            }
        }
        if (image == null || image.content() == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        String type = image.filename().toLowerCase().endsWith(".png") ? "image/png" : "image/jpeg";
        ctx.response().putHeader("Content-Type", type).end(Buffer.buffer(image.content()));
    }

    static ObjectNode imageJson(Shop.Image i) {
        ObjectNode o = InsalesSimulator.JSON.createObjectNode();
        o.put("id", i.id()).put("product_id", i.productId()).put("position", i.position()).put("title", (String) null)
                .put("filename", i.filename()).put("original_url", i.url()).put("large_url", i.url())
                .put("medium_url", i.url()).put("small_url", i.url()).put("thumb_url", i.url())
                .put("created_at", InsalesSimulator.date(i.createdAt()));
        return o;
    }

    private static ObjectNode groupJson(Shop.Group g) {
        ObjectNode o = InsalesSimulator.JSON.createObjectNode();
        o.put("id", g.id()).put("title", g.title());
        if (g.parentId() == null) {
            o.putNull("parent_id");
        } else {
            o.put("parent_id", g.parentId());
        }
        o.put("created_at", InsalesSimulator.date(g.createdAt())).put("updated_at", InsalesSimulator.date(g.createdAt()));
        return o;
    }

    private static ObjectNode collectJson(Shop.Collect c) {
        return InsalesSimulator.JSON.createObjectNode().put("id", c.id()).put("product_id", c.productId())
                .put("collection_id", c.collectionId());
    }

    private static boolean matches(RoutingContext ctx, String param, long value) {
        String wanted = ctx.request().getParam(param);
        return wanted == null || wanted.isBlank() || wanted.trim().equals(String.valueOf(value));
    }
}

package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.CatalogSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.HookAttempt;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.NewStore;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.OrderRequest;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ProductSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.Shipment;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The simulator's own admin API under {@code /_sim} (no Jumpseller auth): the merchant's and
 * shopper's side of the store, plus inspection and fault injection. Bodies are the snake_case
 * JSON form of the {@link JumpsellerAdmin} records.
 */
final class AdminRoutes {
    private final JumpsellerSimulator sim;

    AdminRoutes(JumpsellerSimulator sim) {
        this.sim = sim;
    }

    void mount(Router r) {
        r.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(256L * 1024 * 1024));
        on(r, HttpMethod.POST, "/_sim/stores", 201, ctx -> sim.createStore(body(ctx, NewStore.class)));
        on(r, HttpMethod.GET, "/_sim/stores", 200, ctx -> sim.storeCodes());
        on(r, HttpMethod.GET, "/_sim/stores/:code", 200, ctx -> sim.credentials(code(ctx)));
        blocking(r, "/_sim/stores/:code/products", ctx -> {
            ProductSeeds seeds = body(ctx, ProductSeeds.class);
            return sim.seedProducts(code(ctx), seeds.products() == null ? List.of() : seeds.products());
        });
        blocking(r, "/_sim/stores/:code/catalog", ctx -> sim.seedCatalog(code(ctx), body(ctx, CatalogSeed.class)));
        on(r, HttpMethod.GET, "/_sim/stores/:code/stock/:sku", 200, ctx -> sim.stock(code(ctx), ctx.pathParam("sku")));
        on(r, HttpMethod.PUT, "/_sim/stores/:code/stock/:sku", 200, ctx -> {
            JsonNode stock = tree(ctx).get("stock");
            if (stock == null || !stock.canConvertToInt() || !stock.isIntegralNumber()) {
                throw new IllegalArgumentException("stock must be an integer");
            }
            return sim.setStock(code(ctx), ctx.pathParam("sku"), stock.asInt());
        });
        on(r, HttpMethod.POST, "/_sim/stores/:code/locations", 201, ctx ->
                Json.object().put("id", sim.addLocation(code(ctx), tree(ctx).path("name").asText("Bodega"))));
        on(r, HttpMethod.POST, "/_sim/stores/:code/orders", 201, ctx ->
                Json.object().put("id", sim.placeOrder(code(ctx), body(ctx, OrderRequest.class))));
        on(r, HttpMethod.POST, "/_sim/stores/:code/orders/:id/pay", 204, ctx -> {
            sim.payOrder(code(ctx), orderId(ctx));
            return null;
        });
        on(r, HttpMethod.POST, "/_sim/stores/:code/orders/:id/cancel", 204, ctx -> {
            sim.cancelOrder(code(ctx), orderId(ctx));
            return null;
        });
        on(r, HttpMethod.POST, "/_sim/stores/:code/orders/:id/abandon", 204, ctx -> {
            sim.abandonOrder(code(ctx), orderId(ctx));
            return null;
        });
        on(r, HttpMethod.POST, "/_sim/stores/:code/orders/:id/ship", 204, ctx -> {
            sim.shipOrder(code(ctx), orderId(ctx), ctx.body().length() == 0 ? null : body(ctx, Shipment.class));
            return null;
        });
        on(r, HttpMethod.GET, "/_sim/stores/:code/hooks", 200, ctx -> sim.hookStates(code(ctx)));
        on(r, HttpMethod.GET, "/_sim/stores/:code/hook-attempts", 200, ctx -> attempts(sim.hookAttempts(code(ctx))));
        on(r, HttpMethod.PUT, "/_sim/stores/:code/faults", 200, ctx -> {
            JsonNode rate = tree(ctx).get("rate");
            if (rate == null || !rate.isNumber()) {
                throw new IllegalArgumentException("rate must be a number between 0 and 1");
            }
            sim.setFaultRate(code(ctx), rate.asDouble());
            return Json.object().put("rate", rate.asDouble());
        });
        on(r, HttpMethod.GET, "/_sim/stores/:code/counters", 200, ctx -> sim.counters(code(ctx)));
        on(r, HttpMethod.DELETE, "/_sim/stores/:code/counters", 204, ctx -> {
            sim.resetCounters(code(ctx));
            return null;
        });
        on(r, HttpMethod.POST, "/_sim/reset", 204, ctx -> {
            sim.reset();
            return null;
        });
        r.route("/_sim/*").failureHandler(AdminRoutes::failure);
    }

    /** Body of {@code POST /_sim/stores/{code}/products}. */
    record ProductSeeds(List<ProductSeed> products) {
    }

    @FunctionalInterface
    private interface Action {
        Object handle(RoutingContext ctx) throws Exception;
    }

    private void on(Router r, HttpMethod method, String path, int status, Action action) {
        r.route(method, path).handler(ctx -> {
            try {
                reply(ctx, status, action.handle(ctx));
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }

    /** Bulk seeding takes long enough that it runs off the event loop. */
    private void blocking(Router r, String path, Action action) {
        r.route(HttpMethod.POST, path).handler(ctx -> {
            Callable<Object> work = () -> action.handle(ctx);
            sim.vertx.executeBlocking(work, false).onComplete(ar -> {
                if (ar.succeeded()) {
                    reply(ctx, 201, ar.result());
                } else {
                    ctx.fail(ar.cause());
                }
            });
        });
    }

    private static void reply(RoutingContext ctx, int status, Object value) {
        if (value == null) {
            ctx.response().setStatusCode(status).end();
            return;
        }
        ApiRoutes.send(ctx, status, value instanceof JsonNode n ? n : Json.ADMIN.valueToTree(value));
    }

    private static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        int status = t instanceof IllegalStateException ? 409
                : t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).startsWith("Unknown store")
                        ? 404
                        : t instanceof IllegalArgumentException ? 400 : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        ApiRoutes.send(ctx, status, Json.message(t == null ? "Error" : String.valueOf(t.getMessage())));
    }

    private static ArrayNode attempts(List<HookAttempt> attempts) {
        ArrayNode out = Json.array();
        for (HookAttempt a : attempts) {
            ObjectNode n = out.addObject();
            n.put("hook_id", a.hookId());
            n.put("event", a.event());
            n.put("url", a.url());
            n.put("attempt", a.attempt());
            n.put("status", a.status());
            n.put("error", a.error());
            n.put("at", a.at().toString());
            n.put("body", a.body());
        }
        return out;
    }

    private static String code(RoutingContext ctx) {
        return ctx.pathParam("code");
    }

    private static long orderId(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unknown order: " + ctx.pathParam("id"));
        }
    }

    private static JsonNode tree(RoutingContext ctx) {
        try {
            JsonNode n = Json.ADMIN.readTree(ctx.body().asString());
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("A JSON object is expected");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getMessage());
        }
    }

    private static <T> T body(RoutingContext ctx, Class<T> type) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            text = "{}";
        }
        try {
            return Json.ADMIN.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getMessage());
        }
    }
}

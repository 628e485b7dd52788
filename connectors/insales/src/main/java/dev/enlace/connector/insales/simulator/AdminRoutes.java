package dev.enlace.connector.insales.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.insales.simulator.InsalesAdmin.NewShop;
import dev.enlace.connector.insales.simulator.InsalesAdmin.OrderRequest;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ProductSeed;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The simulator's own side under {@code /_sim}: what merchants and shoppers do, and what tests observe. */
final class AdminRoutes {
    private final InsalesSimulator sim;

    AdminRoutes(InsalesSimulator sim) {
        this.sim = sim;
    }

    void mount(Router r) {
        r.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(64 * 1024 * 1024));
        on(r, HttpMethod.POST, "/_sim/shops", 201, ctx -> sim.createShop(read(ctx, NewShop.class)));
        on(r, HttpMethod.GET, "/_sim/shops/:shop", 200, ctx -> sim.credentials(shop(ctx)));
        on(r, HttpMethod.POST, "/_sim/shops/:shop/products", 201, ctx -> {
            ProductSeed[] seeds = read(tree(ctx).get("products"), ProductSeed[].class);
            return sim.seed(shop(ctx), seeds == null ? List.of() : Arrays.asList(seeds));
        });
        on(r, HttpMethod.GET, "/_sim/shops/:shop/variants/:id", 200,
                ctx -> sim.stock(shop(ctx), Long.parseLong(ctx.pathParam("id"))));
        on(r, HttpMethod.POST, "/_sim/shops/:shop/orders", 201,
                ctx -> new Created(sim.placeOrder(shop(ctx), read(ctx, OrderRequest.class))));
        on(r, HttpMethod.POST, "/_sim/shops/:shop/orders/:id/pay", 204, ctx -> {
            sim.payOrder(shop(ctx), Long.parseLong(ctx.pathParam("id")));
            return null;
        });
        on(r, HttpMethod.POST, "/_sim/shops/:shop/orders/:id/cancel", 204, ctx -> {
            sim.cancelOrder(shop(ctx), Long.parseLong(ctx.pathParam("id")));
            return null;
        });
        on(r, HttpMethod.POST, "/_sim/shops/:shop/orders/:id/fulfillment", 204, ctx -> {
            sim.fulfillOrder(shop(ctx), Long.parseLong(ctx.pathParam("id")), tree(ctx).path("status").asText(null));
            return null;
        });
        on(r, HttpMethod.GET, "/_sim/shops/:shop/webhook-deliveries", 200, ctx -> sim.deliveries(shop(ctx)));
        on(r, HttpMethod.GET, "/_sim/shops/:shop/counters", 200, ctx -> sim.counters(shop(ctx)));
        on(r, HttpMethod.POST, "/_sim/shops/:shop/faults", 204, ctx -> {
            Fault f = read(ctx, Fault.class);
            sim.failNext(shop(ctx), f.status(), f.count());
            return null;
        });
    }

    record Created(long id) {
    }

    record Fault(int status, int count) {
    }

    private void on(Router r, HttpMethod method, String path, int status, Function<RoutingContext, Object> action) {
        r.route(method, path).handler(ctx -> {
            Object result;
            try {
                result = action.apply(ctx);
            } catch (IllegalArgumentException e) {
                error(ctx, e.getMessage().startsWith("no ") ? 404 : 400, e.getMessage());
                return;
            } catch (IllegalStateException e) {
                error(ctx, 409, e.getMessage());
                return;
            }
            if (result == null) {
                ctx.response().setStatusCode(204).end();
                return;
            }
            try {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(InsalesSimulator.JSON.writeValueAsString(result));
            } catch (IOException e) {
                ctx.fail(e);
            }
        });
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(InsalesSimulator.JSON.createObjectNode().put("error", message).toString());
    }

    private static String shop(RoutingContext ctx) {
        return ctx.pathParam("shop");
    }

    private static JsonNode tree(RoutingContext ctx) {
        try {
            String text = ctx.body().asString();
            return text == null || text.isBlank() ? InsalesSimulator.JSON.createObjectNode()
                    : InsalesSimulator.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
        }
    }

    private static <T> T read(RoutingContext ctx, Class<T> type) {
        return read(tree(ctx), type);
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return InsalesSimulator.JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed request: " + e.getMessage());
        }
    }
}

package dev.enlace.connector.moysklad.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.function.Function;

/**
 * The simulator's own API under {@code /_sim} (no auth): what a MoySklad user would do in the UI,
 * plus inspection and fault injection. Mirrors the public methods of {@link MoyskladSimulator}.
 */
final class Admin {
    private final MoyskladSimulator sim;

    Admin(MoyskladSimulator sim) {
        this.sim = sim;
    }

    void mount(Router router) {
        router.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(64L << 20));
        router.post("/_sim/accounts").handler(rc -> run(rc, 201, body -> {
            MoyskladSimulator.AccountAccess a = sim.createAccount(body.getString("name", "Demo"));
            return JsonObject.mapFrom(a);
        }));
        router.delete("/_sim/accounts").handler(rc -> run(rc, 200, body -> {
            sim.reset();
            return new JsonObject();
        }));
        router.post("/_sim/accounts/:id/seed").handler(rc -> run(rc, 200, body ->
                JsonObject.mapFrom(sim.seed(rc.pathParam("id"), body.mapTo(MoyskladSeed.class)))));
        router.post("/_sim/accounts/:id/stock").handler(rc -> run(rc, 200, body -> JsonObject.mapFrom(sim.moveStock(
                rc.pathParam("id"), body.getString("assortmentId"), body.getString("storeId"),
                body.getDouble("stockDelta", 0.0), body.getDouble("reserveDelta", 0.0)))));
        router.get("/_sim/accounts/:id/customerorders").handler(rc -> run(rc, 200, body -> new JsonObject()
                .put("customerOrders", new JsonArray(sim.customerOrders(rc.pathParam("id")).stream()
                        .map(JsonObject::mapFrom).toList()))
                .put("counterparties", new JsonArray(sim.counterparties(rc.pathParam("id")).stream()
                        .map(JsonObject::mapFrom).toList()))));
        router.get("/_sim/accounts/:id/webhook-deliveries").handler(rc -> run(rc, 200, body -> {
            JsonArray out = new JsonArray();
            sim.webhookAttempts(rc.pathParam("id")).forEach(at -> out.add(new JsonObject().put("url", at.url())
                    .put("body", new JsonObject(at.body())).put("attempt", at.attempt()).put("status", at.status())
                    .put("error", at.error()).put("at", at.at().toString())));
            return new JsonObject().put("deliveries", out);
        }));
        router.post("/_sim/accounts/:id/faults").handler(rc -> run(rc, 200, body -> {
            sim.setFaults(rc.pathParam("id"), body.getDouble("fraction", 0.0), body.getInteger("status", 500));
            return new JsonObject();
        }));
    }

    private static void run(RoutingContext rc, int status, Function<JsonObject, JsonObject> action) {
        try {
            JsonObject body = rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
            Api.send(rc, status, action.apply(body));
        } catch (IllegalArgumentException | io.vertx.core.json.DecodeException e) {
            Api.send(rc, 400, new JsonObject().put("error", e.getMessage()));
        }
    }
}

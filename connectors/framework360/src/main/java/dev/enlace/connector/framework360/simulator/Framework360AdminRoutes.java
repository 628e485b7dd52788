package dev.enlace.connector.framework360.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.enlace.connector.framework360.simulator.Framework360Simulator.JSON;

/**
 * The control API under {@code /_sim} (no key): sites, the catalogue the ERP plugin imports, orders placed at the
 * checkout and status changes in the back office. Each route is one public method of {@link Framework360Simulator}.
 */
final class Framework360AdminRoutes {
    private final Framework360Simulator sim;

    Framework360AdminRoutes(Framework360Simulator sim) {
        this.sim = sim;
    }

    void mount(Router router) {
        router.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(64L << 20));
        router.post("/_sim/reset").handler(rc -> reply(rc, 200, b -> {
            sim.reset();
            return JSON.createObjectNode().put("reset", true);
        }));
        router.post("/_sim/sites").handler(rc -> reply(rc, 201, b -> {
            String name = b.path("name").asText("negozio");
            return JSON.createObjectNode().put("site", name).put("apiKey", sim.createSite(name))
                    .put("apiPath", Framework360Simulator.apiPath(name));
        }));
        router.post("/_sim/sites/:site/products").handler(rc -> reply(rc, 201, b -> JSON.createObjectNode()
                .put("id", sim.addProduct(rc.pathParam("site"), b.path("sku").asText(), b.path("nome").asText(),
                        b.has("prezzo") ? b.get("prezzo").decimalValue() : BigDecimal.ZERO,
                        b.hasNonNull("giacenza") ? b.get("giacenza").asLong() : null))));
        router.post("/_sim/sites/:site/orders").handler(rc -> reply(rc, 201, b -> {
            List<Framework360Simulator.Line> lines = new ArrayList<>();
            b.path("lines").forEach(l -> lines.add(new Framework360Simulator.Line(l.path("sku").asText(), l.path("quantity").asInt(1))));
            String id = sim.placeOrder(rc.pathParam("site"), new Framework360Simulator.OrderRequest(b.path("email").asText(),
                    b.path("nome").asText(null), b.path("cognome").asText(null), b.path("piva").asText(null), lines,
                    b.path("paymentId").asLong(1), b.has("shippingCost") ? b.get("shippingCost").decimalValue() : null));
            return sim.order(rc.pathParam("site"), id);
        }));
        router.put("/_sim/sites/:site/orders/:id/status").handler(rc -> reply(rc, 200, b -> {
            sim.setStatus(rc.pathParam("site"), rc.pathParam("id"), b.path("status").asInt());
            return sim.order(rc.pathParam("site"), rc.pathParam("id"));
        }));
        router.get("/_sim/sites/:site/webhook-attempts").handler(rc -> reply(rc, 200, b ->
                JSON.valueToTree(sim.webhookAttempts(rc.pathParam("site")).stream().map(a -> JSON.createObjectNode()
                        .put("url", a.url()).put("body", a.body()).put("attempt", a.attempt()).put("status", a.status())).toList())));
    }

    private static void reply(RoutingContext rc, int status, Function<JsonNode, JsonNode> action) {
        try {
            String text = rc.body() == null ? null : rc.body().asString();
            JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            JsonNode answer = action.apply(body);
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.toString());
        } catch (Fw360Error e) {
            Framework360ApiRoutes.error(rc, e);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            Framework360ApiRoutes.error(rc, new Fw360Error(400, String.valueOf(e.getMessage())));
        }
    }
}

package dev.enlace.connector.smarty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.function.Function;

import static dev.enlace.connector.smarty.simulator.SmartySimulator.JSON;

/**
 * The control API under {@code /_sim} (no ApiKey): accounts, products and stock as edited in Smarty's UI, and the
 * orders received. Each route is one public method of {@link SmartySimulator}.
 */
final class SmartyAdminRoutes {
    private final SmartySimulator sim;

    SmartyAdminRoutes(SmartySimulator sim) {
        this.sim = sim;
    }

    void mount(Router router) {
        router.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(64L << 20));
        router.post("/_sim/reset").handler(rc -> reply(rc, 200, b -> {
            sim.reset();
            return JSON.createObjectNode().put("reset", true);
        }));
        router.post("/_sim/accounts").handler(rc -> reply(rc, 201, b ->
                JSON.createObjectNode().put("apiKey", sim.createAccount(b.path("name").asText("Azienda Demo Srl")))));
        // a product, with its variations in "variations" if any
        router.post("/_sim/accounts/:key/products").handler(rc -> reply(rc, 201, b -> {
            String key = rc.pathParam("key");
            ObjectNode product = ((ObjectNode) b).deepCopy();
            JsonNode variations = product.remove("variations");
            long id = sim.putProduct(key, product);
            ObjectNode out = JSON.createObjectNode().put("id", id);
            if (variations != null) {
                variations.forEach(v -> out.withArray("variationIds").add(sim.addVariation(key, id, (ObjectNode) v)));
            }
            return out;
        }));
        router.put("/_sim/accounts/:key/stock").handler(rc -> reply(rc, 200, b -> {
            sim.setStock(rc.pathParam("key"), b.path("sku").asText(), b.path("stock").decimalValue());
            return sim.item(rc.pathParam("key"), b.path("sku").asText());
        }));
        router.get("/_sim/accounts/:key/requests").handler(rc -> reply(rc, 200, b ->
                JSON.valueToTree(sim.requests(rc.pathParam("key")))));
        router.get("/_sim/accounts/:key/orders").handler(rc -> reply(rc, 200, b ->
                JSON.valueToTree(sim.orders(rc.pathParam("key")))));
    }

    private static void reply(RoutingContext rc, int status, Function<JsonNode, JsonNode> action) {
        try {
            String text = rc.body() == null ? null : rc.body().asString();
            JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            JsonNode answer = action.apply(body);
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.toString());
        } catch (SmartyError e) {
            SmartyApiRoutes.error(rc, e);
        } catch (IllegalArgumentException | ClassCastException | com.fasterxml.jackson.core.JsonProcessingException e) {
            SmartyApiRoutes.error(rc, new SmartyError(400, String.valueOf(e.getMessage())));
        }
    }
}

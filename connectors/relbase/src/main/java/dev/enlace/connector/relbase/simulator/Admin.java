package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;

/**
 * The simulator's control API under {@code /_sim} (no relBase auth): what relBase does outside its
 * API (companies, users, inventory adjustments in the UI) plus test levers. Each route mirrors a
 * public method of {@link RelbaseSimulator}.
 */
final class Admin {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RelbaseSimulator sim;

    Admin(RelbaseSimulator sim) {
        this.sim = sim;
    }

    void mount(Router router) {
        router.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(256L << 20));
        router.post("/_sim/reset").handler(rc -> guard(rc, () -> {
            sim.reset();
            return reply(rc, 200, MAPPER.createObjectNode().put("reset", true));
        }));
        router.post("/_sim/companies").handler(rc -> guard(rc, () ->
                reply(rc, 201, sim.createCompany(Api.text(body(rc), "name") == null ? "Empresa Demo SpA"
                        : Api.text(body(rc), "name")))));
        router.get("/_sim/companies").handler(rc -> guard(rc, () -> reply(rc, 200, sim.companies())));
        router.post("/_sim/companies/:id/users").handler(rc -> guard(rc, () ->
                reply(rc, 201, MAPPER.createObjectNode().put("userToken", sim.addUser(id(rc))))));
        router.post("/_sim/companies/:id/seed").handler(rc -> guard(rc, () ->
                reply(rc, 201, sim.seed(id(rc), MAPPER.treeToValue(body(rc), RelbaseSeed.class)))));
        router.put("/_sim/companies/:id/stock").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            long company = id(rc);
            Long productId = Api.longField(b, "productId");
            long product = productId != null ? productId : sim.productId(company, Api.text(b, "code"));
            Long warehouse = Api.longField(b, "warehouseId");
            long w = warehouse != null ? warehouse : sim.defaultWarehouse(company);
            sim.setStock(company, product, w, Api.decimal(b, "quantity", BigDecimal.ZERO));
            return reply(rc, 200, MAPPER.createObjectNode().put("productId", product).put("warehouseId", w)
                    .put("stock", sim.stock(company, product, w)));
        }));
        router.post("/_sim/companies/:id/customers").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            return reply(rc, 201, MAPPER.createObjectNode().put("id", sim.addCustomer(id(rc), Api.text(b, "rut"),
                    Api.text(b, "name"), Api.text(b, "business_activity"), Api.text(b, "address"))));
        }));
        router.get("/_sim/companies/:id/dtes").handler(rc -> guard(rc, () -> reply(rc, 200, sim.dtes(id(rc)))));
        router.put("/_sim/companies/:id/faults").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            sim.setFaults(id(rc), b.path("fraction").asDouble(0), b.path("status").asInt(500));
            return reply(rc, 200, b);
        }));
        router.put("/_sim/companies/:id/rate-limit").handler(rc -> guard(rc, () -> {
            sim.setRateLimit(id(rc), body(rc).path("perSecond").asInt(RelbaseSimulator.RATE_LIMIT_PER_SECOND));
            return reply(rc, 200, body(rc));
        }));
        router.get("/_sim/pdf/:dte").handler(rc -> {
            StringBuilder pdf = new StringBuilder();
            String dte = rc.pathParam("dte").replace(".pdf", "");
            if (dte.matches("\\d+") && sim.pdf(Long.parseLong(dte), pdf)) {
                rc.response().putHeader("Content-Type", "application/pdf").end(pdf.toString());
            } else {
                rc.response().setStatusCode(404).end();
            }
        });
    }

    private interface Action {
        Void run() throws com.fasterxml.jackson.core.JsonProcessingException;
    }

    private static void guard(RoutingContext rc, Action action) {
        try {
            action.run();
        } catch (ApiError e) {
            Api.send(rc, e.status, Api.meta(e.status, e.getMessage()));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            Api.send(rc, 400, Api.meta(400, e.getMessage()));
        }
    }

    private static Void reply(RoutingContext rc, int status, Object body) {
        Api.send(rc, status, MAPPER.valueToTree(body));
        return null;
    }

    private static JsonNode body(RoutingContext rc) {
        try {
            String text = rc.body() == null ? null : rc.body().asString();
            return text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid JSON body");
        }
    }

    private static long id(RoutingContext rc) {
        try {
            return Long.parseLong(rc.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("company id must be a number");
        }
    }
}

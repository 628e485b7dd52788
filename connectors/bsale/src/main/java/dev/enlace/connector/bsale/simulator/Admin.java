package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's own control API under {@code /_sim} (no Bsale auth): what Bsale does outside
 * its API (accounts, webhook registration by e-mail, inventory counts in the UI) plus test levers.
 * Each route mirrors a public method of {@link BsaleSimulator}.
 */
final class Admin {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BsaleSimulator sim;
    private final Vertx vertx;

    Admin(BsaleSimulator sim, Vertx vertx) {
        this.sim = sim;
        this.vertx = vertx;
    }

    void mount(Router router) {
        // Seeds for benchmarks run to tens of megabytes.
        router.route("/_sim/*").handler(BodyHandler.create().setBodyLimit(512L << 20));
        router.post("/_sim/reset").handler(rc -> {
            sim.reset();
            ok(rc, 200, MAPPER.createObjectNode().put("reset", true));
        });
        router.post("/_sim/companies").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            BsaleSimulator.CompanyAccess a = sim.createCompany(J.text(b, "name", "Empresa Demo"), J.text(b, "code", null));
            ok(rc, 201, MAPPER.valueToTree(a));
        }));
        router.get("/_sim/companies").handler(rc -> ok(rc, 200, MAPPER.valueToTree(sim.companies())));
        router.post("/_sim/companies/:cpnId/tokens").handler(rc -> guard(rc, () ->
                ok(rc, 201, MAPPER.createObjectNode().put("accessToken", sim.issueToken(cpnId(rc))))));
        router.post("/_sim/companies/:cpnId/seed").handler(this::seed);
        router.put("/_sim/companies/:cpnId/stock").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            long cpnId = cpnId(rc);
            Long variantId = J.optLong(b, "variantId");
            long vid = variantId != null ? variantId : sim.variantId(cpnId, J.text(b, "code", ""));
            ok(rc, 200, MAPPER.valueToTree(sim.setStock(cpnId, vid, J.optLong(b, "officeId") == null ? 1
                    : J.optLong(b, "officeId"), J.num(b, "quantity", 0))));
        }));
        router.get("/_sim/companies/:cpnId/webhooks").handler(rc -> guard(rc, () ->
                ok(rc, 200, MAPPER.valueToTree(sim.webhooks(cpnId(rc))))));
        router.post("/_sim/companies/:cpnId/webhooks").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            String url = J.text(b, "url", null);
            if (url == null) {
                throw new IllegalArgumentException("url is required");
            }
            Set<String> topics = new LinkedHashSet<>();
            if (b.has("topics")) {
                b.get("topics").forEach(t -> topics.add(t.asText()));
            }
            Map<String, String> headers = new HashMap<>();
            if (b.has("headers")) {
                b.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            }
            ok(rc, 201, MAPPER.valueToTree(sim.registerWebhook(cpnId(rc), url, topics, headers)));
        }));
        router.delete("/_sim/companies/:cpnId/webhooks/:id").handler(rc -> guard(rc, () -> {
            boolean removed = sim.unregisterWebhook(cpnId(rc), Long.parseLong(rc.pathParam("id")));
            ok(rc, removed ? 200 : 404, MAPPER.createObjectNode().put("removed", removed));
        }));
        router.get("/_sim/companies/:cpnId/webhook-attempts").handler(rc -> guard(rc, () -> {
            ArrayNode out = MAPPER.createArrayNode();
            for (WebhookDispatcher.Attempt a : sim.webhookAttempts(cpnId(rc))) {
                ObjectNode n = out.addObject();
                n.put("url", a.url());
                n.set("body", parse(a.body()));
                n.put("attempt", a.attempt());
                n.put("status", a.status());
                n.put("error", a.error());
                n.put("at", a.at().toString());
                n.put("delivered", a.delivered());
            }
            ok(rc, 200, out);
        }));
        router.get("/_sim/companies/:cpnId/documents").handler(rc -> guard(rc, () ->
                ok(rc, 200, array(sim.documents(cpnId(rc))))));
        router.get("/_sim/companies/:cpnId/returns").handler(rc -> guard(rc, () ->
                ok(rc, 200, array(sim.returns(cpnId(rc))))));
        router.get("/_sim/companies/:cpnId/shippings").handler(rc -> guard(rc, () ->
                ok(rc, 200, array(sim.shippings(cpnId(rc))))));
        router.put("/_sim/companies/:cpnId/faults").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            sim.setFaults(cpnId(rc), J.num(b, "fraction", 0), J.flag(b, "status", 500));
            ok(rc, 200, b);
        }));
        router.put("/_sim/companies/:cpnId/blocked").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            sim.setBlocked(cpnId(rc), b.path("blocked").asBoolean());
            ok(rc, 200, b);
        }));
        router.put("/_sim/companies/:cpnId/folios").handler(rc -> guard(rc, () -> {
            JsonNode b = body(rc);
            sim.setFoliosAvailable(cpnId(rc), J.text(b, "codeSii", ""), (long) J.num(b, "available", 0));
            ok(rc, 200, b);
        }));
    }

    /** Parsing and inserting 100,000 variants takes a moment: keep it off the event loop. */
    private void seed(RoutingContext rc) {
        vertx.<BsaleSeed.Result>executeBlocking(() -> {
            BsaleSeed seed = MAPPER.readValue(rc.body().asString(), BsaleSeed.class);
            return sim.seed(cpnId(rc), seed);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                ok(rc, 201, MAPPER.valueToTree(ar.result()));
            } else {
                fail(rc, ar.cause());
            }
        });
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void guard(RoutingContext rc, Action action) {
        try {
            action.run();
        } catch (Exception e) {
            fail(rc, e);
        }
    }

    private static void fail(RoutingContext rc, Throwable e) {
        int status = e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith("no company")
                ? 404 : 400;
        ok(rc, status, Api.error(String.valueOf(e.getMessage())));
    }

    private static long cpnId(RoutingContext rc) {
        try {
            return Long.parseLong(rc.pathParam("cpnId"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no company " + rc.pathParam("cpnId"));
        }
    }

    private static JsonNode body(RoutingContext rc) throws Exception {
        String text = rc.body() == null ? null : rc.body().asString();
        return text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    private static ArrayNode array(List<JsonNode> rows) {
        ArrayNode out = MAPPER.createArrayNode();
        rows.forEach(out::add);
        return out;
    }

    private static void ok(RoutingContext rc, int status, JsonNode body) {
        Api.send(rc, status, body);
    }
}

package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One simulator per test class on a free port, a fresh company per test, and a webhook sink. */
abstract class SimulatorTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    static Vertx vertx;
    static BsaleSimulator sim;
    static SimulatorServer server;
    static HttpClient http;
    static WebhookSink sink;

    BsaleSimulator.CompanyAccess company;

    record Resp(int status, JsonNode body) {
        JsonNode items() {
            return body.get("items");
        }
    }

    @BeforeAll
    static void startSimulator() {
        vertx = Vertx.vertx();
        sim = new BsaleSimulator(vertx, BsaleSimulatorOptions.defaults());
        server = join(SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        sink = WebhookSink.start(vertx);
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
        sim.close();
        sink.close();
        join(vertx.close());
    }

    @BeforeEach
    void newCompany() {
        company = sim.createCompany("Comercial Test SpA");
        sink.clear();
    }

    static <T> T join(io.vertx.core.Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }

    Resp get(String path) {
        return call("GET", path, null, company.accessToken());
    }

    Resp post(String path, String json) {
        return call("POST", path, json, company.accessToken());
    }

    Resp put(String path, String json) {
        return call("PUT", path, json, company.accessToken());
    }

    static Resp call(String method, String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("access_token", token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Resp(r.statusCode(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seeds one product with one variant (SKU {@code code}) holding {@code qty} at office 1. */
    long seedVariant(String code, double qty, double price) {
        return seedVariant(code, qty, price, 0);
    }

    long seedVariant(String code, double qty, double price, int allowNegative) {
        BsaleSeed.Result r = sim.seed(company.cpnId(), new BsaleSeed(null, List.of(new BsaleSeed.Product(
                "Producto " + code, null, null, null, null, List.of(new BsaleSeed.Variant(code, "78" + code.hashCode(),
                        code, null, allowNegative, price, java.util.Map.of(1L, qty)))))));
        return r.variantIds().get(0);
    }

    /** Receives webhooks on a free port and keeps their bodies in arrival order. */
    static final class WebhookSink {
        final HttpServer server;
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        volatile int status = 200;

        private WebhookSink(HttpServer server) {
            this.server = server;
        }

        static WebhookSink start(Vertx vertx) {
            WebhookSink[] holder = new WebhookSink[1];
            HttpServer s = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(buf -> {
                try {
                    holder[0].received.add(JSON.readTree(buf.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                req.response().setStatusCode(holder[0].status).end();
            }));
            holder[0] = new WebhookSink(s);
            join(s.listen(0, "127.0.0.1"));
            return holder[0];
        }

        String url() {
            return "http://127.0.0.1:" + server.actualPort() + "/hooks/bsale";
        }

        List<JsonNode> ofCompany(long cpnId) {
            return received.stream().filter(n -> n.path("cpnId").asLong() == cpnId).toList();
        }

        void clear() {
            received.clear();
            status = 200;
        }

        void close() {
            join(server.close());
        }
    }
}

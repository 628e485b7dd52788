package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One simulator per test class on a free port, a fresh company per test. */
abstract class SimulatorTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    static Vertx vertx;
    static RelbaseSimulator sim;
    static SimulatorServer server;
    static HttpClient http;

    RelbaseSimulator.CompanyAccess company;

    record Resp(int status, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }

        JsonNode meta() {
            return body.get("meta");
        }
    }

    @BeforeAll
    static void startSimulator() {
        vertx = Vertx.vertx();
        sim = new RelbaseSimulator(vertx);
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
        sim.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void newCompany() {
        company = sim.createCompany("Comercial Test SpA");
        // tests make calls back to back; the 7 req/s limit has its own test on a company left at the default
        sim.setRateLimit(company.companyId(), 1000);
    }

    Resp get(String path) {
        return call("GET", "/api/v1" + path, null, company.companyToken(), company.userToken());
    }

    Resp post(String path, String json) {
        return call("POST", "/api/v1" + path, json, company.companyToken(), company.userToken());
    }

    static Resp call(String method, String path, String json, String companyToken, String userToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (companyToken != null) {
            b.header("company", companyToken);
        }
        if (userToken != null) {
            b.header("authorization", userToken);
        }
        b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            return new Resp(r.statusCode(), isJson ? JSON.readTree(r.body()) : JSON.getNodeFactory().textNode(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

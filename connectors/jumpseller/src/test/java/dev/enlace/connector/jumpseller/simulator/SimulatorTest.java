package dev.enlace.connector.jumpseller.simulator;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.NewStore;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.StoreCredentials;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/** Starts a fresh simulator on a free port with one store per test; retries run 10,000 times faster than real time. */
abstract class SimulatorTest {
    static final double TIME_SCALE = 1e-4;

    Vertx vertx;
    JumpsellerSimulator sim;
    SimulatorServer server;
    StoreCredentials store;
    Api api;

    JumpsellerSimulator.Options options() {
        return JumpsellerSimulator.Options.defaults().withWebhooks(Duration.ofSeconds(2), TIME_SCALE, 8);
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = new JumpsellerSimulator(vertx, options());
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0)
                .toCompletionStage().toCompletableFuture().join();
        store = sim.createStore(NewStore.withCode("tienda-test"));
        api = new Api(server.baseUrl() + "/v1", store);
    }

    @AfterEach
    void stop() {
        sim.close();
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}

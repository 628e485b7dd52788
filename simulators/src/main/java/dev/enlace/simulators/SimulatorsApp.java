package dev.enlace.simulators;

import dev.enlace.connector.bsale.simulator.BsaleSimulator;
import dev.enlace.connector.bsale.simulator.BsaleSimulatorOptions;
import dev.enlace.connector.framework360.simulator.Framework360Simulator;
import dev.enlace.connector.jumpseller.simulator.JumpsellerSimulator;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulatorOptions;
import dev.enlace.connector.relbase.simulator.RelbaseSimulator;
import dev.enlace.connector.smarty.simulator.SmartySimulator;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every simulated external system in one process, each on its own port so its paths are
 * exactly the real API's ({@code /v1/...}); each also has its admin side under {@code /_sim/}.
 * Ports: {@code BSALE_SIM_PORT} (8091), {@code JUMPSELLER_SIM_PORT} (8092), {@code RELBASE_SIM_PORT}
 * (8093), {@code MOYSKLAD_SIM_PORT} (8094), {@code SMARTY_SIM_PORT} (8096), {@code FRAMEWORK360_SIM_PORT} (8097).
 */
public final class SimulatorsApp implements AutoCloseable {
    private final Vertx vertx;
    private final Map<String, SimulatorServer> servers;

    private SimulatorsApp(Vertx vertx, Map<String, SimulatorServer> servers) {
        this.vertx = vertx;
        this.servers = servers;
    }

    /** As {@link #start(String, int, int, int, int, int, int)}, Smarty and Framework360 on free ports. */
    public static SimulatorsApp start(String host, int bsalePort, int jumpsellerPort, int relbasePort, int moyskladPort) {
        return start(host, bsalePort, jumpsellerPort, relbasePort, moyskladPort, 0, 0);
    }

    public static SimulatorsApp start(String host, int bsalePort, int jumpsellerPort, int relbasePort, int moyskladPort,
            int smartyPort, int framework360Port) {
        Vertx vertx = Vertx.vertx();
        Map<String, SimulatorServer> servers = new LinkedHashMap<>();
        servers.put("bsale", join(SimulatorServer.start(vertx,
                new BsaleSimulator(vertx, BsaleSimulatorOptions.defaults()).router(), host, bsalePort)));
        servers.put("jumpseller", join(SimulatorServer.start(vertx,
                new JumpsellerSimulator(vertx, JumpsellerSimulator.Options.defaults()).router(), host, jumpsellerPort)));
        servers.put("relbase", join(SimulatorServer.start(vertx, new RelbaseSimulator(vertx).router(), host, relbasePort)));
        servers.put("moysklad", join(SimulatorServer.start(vertx,
                new MoyskladSimulator(vertx, MoyskladSimulatorOptions.defaults()).router(), host, moyskladPort)));
        servers.put("smarty", join(SimulatorServer.start(vertx, new SmartySimulator(vertx).router(), host, smartyPort)));
        servers.put("framework360", join(SimulatorServer.start(vertx,
                new Framework360Simulator(vertx, Framework360Simulator.Options.defaults()).router(), host, framework360Port)));
        return new SimulatorsApp(vertx, servers);
    }

    public Map<String, SimulatorServer> servers() {
        return servers;
    }

    @Override
    public void close() {
        servers.values().forEach(SimulatorServer::close);
        vertx.close();
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorsApp app = start("127.0.0.1", port("BSALE_SIM_PORT", 8091), port("JUMPSELLER_SIM_PORT", 8092),
                port("RELBASE_SIM_PORT", 8093), port("MOYSKLAD_SIM_PORT", 8094), port("SMARTY_SIM_PORT", 8096),
                port("FRAMEWORK360_SIM_PORT", 8097));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "simulators-stop"));
        app.servers().forEach((name, server) ->
                System.out.printf("%-12s simulator: %s (admin: %s/_sim/)%n", name, server.baseUrl(), server.baseUrl()));
        Thread.currentThread().join();
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}

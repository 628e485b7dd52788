package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.simulator.InsalesAdmin.NewShop;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ShopCredentials;
import dev.enlace.connector.insales.simulator.InsalesSimulator;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.simulator.SimulatorServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka and the {@code enlace_insales_test} database, an inSales simulator in this JVM with
 * one shop, and a tenant {@code shop} whose store is that shop and whose ERP is
 * a placeholder ERP (see {@link NoErp}). The simulator's window is far tighter than the real 500 per 5
 * minutes, so the client, which plans for the real limit, meets 429s.
 */
public class InsalesShopResources implements QuarkusTestResourceLifecycleManager {
    static final String TENANT = "shop";
    static final String WEBHOOK_TOKEN = "insales-hook-token-123";
    static final int SIM_LIMIT = 40;
    static final Duration SIM_WINDOW = Duration.ofSeconds(2);

    private static Vertx vertx;
    private static InsalesSimulator simulator;
    private static SimulatorServer server;
    private static ShopCredentials shop;
    private final EnlaceTestResources infrastructure = new EnlaceTestResources();

    static InsalesSimulator simulator() {
        return simulator;
    }

    static ShopCredentials shop() {
        return shop;
    }

    static String apiBase() {
        return server.baseUrl() + shop.apiBase();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(Map.of("database", "enlace_insales_test"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        config.put("enlace.tenants.directory", startOnce().toString());
        return config;
    }

    private static synchronized Path startOnce() {
        try {
            vertx = Vertx.vertx();
            simulator = new InsalesSimulator(vertx, InsalesSimulator.Options.defaults().withLimit(SIM_LIMIT, SIM_WINDOW));
            server = SimulatorServer.start(vertx, simulator.router(), "127.0.0.1", 0)
                    .toCompletionStage().toCompletableFuture().join();
            shop = simulator.createShop(new NewShop("enlace-test", null));
            Path dir = Files.createTempDirectory("enlace-insales-tenants-");
            Path secrets = Files.createDirectories(dir.resolve("secrets"));
            Files.writeString(secrets.resolve("insales-key"), shop.apiKey());
            Files.writeString(secrets.resolve("insales-password"), shop.password());
            Files.writeString(secrets.resolve("insales-hook"), WEBHOOK_TOKEN);
            Files.writeString(dir.resolve(TENANT + ".yaml"), """
                    id: %s
                    name: inSales test shop
                    timezone: Europe/Moscow
                    store:
                      system: insales
                      baseUrl: %s
                      credentials:
                        apiKey: file:secrets/insales-key
                        password: file:secrets/insales-password
                        webhookToken: file:secrets/insales-hook
                    erp:
                      system: noerp
                      baseUrl: http://127.0.0.1:1/v1
                    """.formatted(TENANT, apiBase()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        infrastructure.stop();
        if (server != null) {
            simulator.close();
            server.close();
            vertx.close();
        }
    }
}

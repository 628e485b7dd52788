package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.simulator.MoyskladSeed;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulatorOptions;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.simulator.SimulatorServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka + {@code enlace_moysklad_test}, a MoySklad simulator in the test JVM, and two tenants
 * written to a temporary directory: {@code allstores} (no store named: ST8 sums every store) and
 * {@code mainstore} (only the main store). The account holds 1,205 plain products, so the
 * catalogue spans two pages, and a T-shirt with two sizes spread over two stores, linked to
 * inSales product 555 through its "inSales product ID" field (CA9).
 */
public class MoyskladTestResources implements QuarkusTestResourceLifecycleManager {
    static final String WEBHOOK_TOKEN = "ms-hook-secret-7f3a";
    static final int PLAIN_PRODUCTS = 1205;

    static MoyskladSimulator sim;
    static MoyskladSimulator.AccountAccess account;
    static MoyskladSeed.Result seeded;
    static int httpPort;
    private static Vertx vertx;
    private static SimulatorServer server;
    private static Path tenants;

    private final EnlaceTestResources infrastructure = new EnlaceTestResources();

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(Map.of("database", "enlace_moysklad_test"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        startOnce();
        config.put("enlace.tenants.directory", tenants.toString());
        config.put("quarkus.http.test-port", String.valueOf(httpPort));
        return config;
    }

    private static synchronized void startOnce() {
        if (sim != null) {
            return;
        }
        try {
            vertx = Vertx.vertx();
            sim = new MoyskladSimulator(vertx, MoyskladSimulatorOptions.defaults().withStockWebhookDelay(Duration.ofMillis(50)));
            server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
            account = sim.createAccount("Enlace Test");
            List<MoyskladSeed.Product> products = new ArrayList<>();
            products.add(new MoyskladSeed.Product("Футболка", null, "TS", null, 99000.0, Map.of("inSales product ID", "555"),
                    null, null, List.of(
                    new MoyskladSeed.Variant(null, "TS-S", null, Map.of("Размер", "S"),
                            Map.of("Основной склад", 5.0, "Магазин", 3.0), Map.of("Основной склад", 2.0)),
                    new MoyskladSeed.Variant(null, "TS-M", null, Map.of("Размер", "M"), Map.of("Магазин", 4.0), null))));
            for (int i = 0; i < PLAIN_PRODUCTS; i++) {
                products.add(new MoyskladSeed.Product("Товар " + i, "SKU-" + i, null, null, 1000.0, null,
                        Map.of("Основной склад", (double) i), null, null));
            }
            seeded = sim.seed(account.accountId(), new MoyskladSeed(List.of(new MoyskladSeed.Store("Основной склад", null),
                    new MoyskladSeed.Store("Магазин", null)), products));
            try (ServerSocket socket = new ServerSocket(0)) {
                httpPort = socket.getLocalPort();
            }
            tenants = Files.createTempDirectory("moysklad-tenants-");
            Files.createDirectories(tenants.resolve("secrets"));
            Files.writeString(tenants.resolve("secrets/ms-token"), account.token());
            Files.writeString(tenants.resolve("secrets/ms-webhook-token"), WEBHOOK_TOKEN);
            writeTenant("allstores", List.of());
            writeTenant("mainstore", List.of(seeded.storeIds().get(0)));
            sim.registerStockWebhook(account.accountId(),
                    "http://127.0.0.1:" + httpPort + "/webhooks/moysklad/allstores/" + WEBHOOK_TOKEN, "all", "stock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTenant(String id, List<String> stores) throws IOException {
        Files.writeString(tenants.resolve(id + ".yaml"), """
                id: %s
                name: %s (MoySklad test)
                timezone: Europe/Moscow
                store:
                  system: teststore
                  baseUrl: http://127.0.0.1:1/v1
                erp:
                  system: moysklad
                  baseUrl: %s/api/remap/1.2
                  properties:
                    accountId: "%s"
                  credentials:
                    accessToken: file:secrets/ms-token
                    webhookToken: file:secrets/ms-webhook-token
                settings:
                  stock:
                    enabled: true
                    offices: [%s]
                """.formatted(id, id, server.baseUrl(), account.accountId(),
                String.join(", ", stores.stream().map(s -> "\"" + s + "\"").toList())));
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}

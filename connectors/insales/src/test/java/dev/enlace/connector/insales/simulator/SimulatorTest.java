package dev.enlace.connector.insales.simulator;

import dev.enlace.connector.insales.simulator.InsalesAdmin.NewShop;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ProductSeed;
import dev.enlace.connector.insales.simulator.InsalesAdmin.SeededProduct;
import dev.enlace.connector.insales.simulator.InsalesAdmin.ShopCredentials;
import dev.enlace.connector.insales.simulator.InsalesAdmin.VariantSeed;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.util.List;

/** A fresh simulator on a free port with one shop per test. */
abstract class SimulatorTest {
    Vertx vertx;
    InsalesSimulator sim;
    SimulatorServer server;
    ShopCredentials shop;
    Api api;

    InsalesSimulator.Options options() {
        return InsalesSimulator.Options.defaults();
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = new InsalesSimulator(vertx, options());
        server = SimulatorServer.start(vertx, sim.router(), "127.0.0.1", 0)
                .toCompletionStage().toCompletableFuture().join();
        shop = sim.createShop(new NewShop("myshop", null));
        api = new Api(server.baseUrl() + shop.apiBase(), shop.apiKey(), shop.password());
    }

    @AfterEach
    void stop() {
        sim.close();
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    SeededProduct seedProduct(String title, VariantSeed... variants) {
        return sim.seed(shop.shop(), List.of(new ProductSeed(title, List.of(variants)))).get(0);
    }

    static VariantSeed variant(String sku, Integer quantity) {
        return new VariantSeed(sku, null, new BigDecimal("990.0"), quantity);
    }
}

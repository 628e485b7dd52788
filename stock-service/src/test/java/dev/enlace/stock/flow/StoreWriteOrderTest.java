package dev.enlace.stock.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.enlace.stock.messaging.StoreWriteQueue;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.StockChanges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Coalescing on and off (enlace.stock.writes.coalescing), seen from the store: a listener registered on
 * Jumpseller's {@code product_stock_updated} hook records every stock value the store received, in order.
 * Five values are queued in one go, as a burst inside the outbound window would be.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class StoreWriteOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created presale = SimulatedTenantResources.tenant("presale");
    private final StockChanges erp = new StockChanges(sims, presale);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer listener;
    private long hookId;

    @BeforeEach
    void listen() throws Exception {
        LinkedTenants.ensureLinked();
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        String hook = "{\"hook\":{\"event\":\"product_stock_updated\",\"url\":\"http://127.0.0.1:"
                + listener.getAddress().getPort() + "/\"}}";
        HttpResponse<String> created = http.send(store("/hooks.json").POST(HttpRequest.BodyPublishers.ofString(hook)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        hookId = JSON.readTree(created.body()).path("hook").path("id").asLong();
    }

    @AfterEach
    void stop() throws Exception {
        http.send(store("/hooks/" + hookId + ".json").DELETE().build(), HttpResponse.BodyHandlers.discarding());
        listener.stop(0);
    }

    @Test
    void withCoalescingOffEveryValueReachesTheStoreInOrder() { // coalescing off keeps per-SKU order
        String sku = presale.stockOnly().get(1);
        int settled = settle(sku);
        List<Long> values = IntStream.rangeClosed(1, 5).mapToObj(i -> (long) settled + i).toList();

        queue(sku, values, true);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stocksSeen(sku)).isEqualTo(values));
        restore(sku, settled);
    }

    @Test
    void withCoalescingOnABurstLeavesAsOneWriteOfTheLastValue() throws Exception { // coalescing on
        String sku = presale.stockOnly().get(2);
        int settled = settle(sku);
        List<Long> values = IntStream.rangeClosed(1, 5).mapToObj(i -> (long) settled + i).toList();

        queue(sku, values, false);

        await().atMost(Duration.ofSeconds(20)).until(() -> sims.jumpseller().stock(presale.storeCode(), sku).stock() == settled + 5);
        assertThat(stocksSeen(sku)).containsExactly((long) settled + 5);
        restore(sku, settled);
    }

    private int settle(String sku) {
        int expected = StockChanges.expectedInStore(erp.erpAvailable(sku));
        await().atMost(Duration.ofSeconds(20)).until(() -> sims.jumpseller().stock(presale.storeCode(), sku).stock() == expected);
        return expected;
    }

    /** The values, each queued as a StockChanged would queue it, all before the writer runs (one transaction). */
    private void queue(String sku, List<Long> values, boolean everyChange) {
        String variant = String.valueOf(presale.bsaleVariants().get(sku));
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (long value : values) {
                    chain = chain.chain(() -> StoreWriteQueue.queue("presale", variant, value, false, false, everyChange));
                }
                return chain;
            }));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Back to the ERP's value, so the store shows what the ERP has for the tests that follow. */
    private void restore(String sku, int settled) {
        queue(sku, List.of((long) settled), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> sims.jumpseller().stock(presale.storeCode(), sku).stock() == settled);
    }

    /** The stock of this SKU in each product_stock_updated the store sent, in order. */
    private List<Long> stocksSeen(String sku) throws Exception {
        var level = sims.jumpseller().stock(presale.storeCode(), sku);
        List<Long> seen = new java.util.ArrayList<>();
        for (String body : received) {
            JsonNode product = JSON.readTree(body).path("product");
            if (product.path("id").asLong() != level.productId()) {
                continue;
            }
            JsonNode holder = product;
            if (level.variantId() != null) {
                for (JsonNode v : product.path("variants")) {
                    if (v.path("id").asLong() == level.variantId()) {
                        holder = v;
                    }
                }
            }
            seen.add(holder.path("stock").asLong());
        }
        return seen;
    }

    private HttpRequest.Builder store(String path) {
        var creds = sims.jumpseller().credentials(presale.storeCode());
        String basic = Base64.getEncoder().encodeToString((creds.login() + ":" + creds.authtoken())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(sims.jumpsellerUrl() + "/v1" + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json");
    }
}

package dev.enlace.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.StockChanged;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.StockChanges;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first flow across the real parts: an embedded Kafka broker, the real PostgreSQL,
 * catalog-service and stock-service as separate JVMs from their packaged jars, and the Bsale
 * and Jumpseller simulators. Products are linked by SKU through catalog-service; stock moves
 * through Bsale's API; the test watches the Jumpseller store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockFlowEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalStack stack;
    private DemoTenant.Created shop;
    private StockChanges stock;
    private KafkaEvents events;

    @BeforeAll
    void startTheStack() throws Exception {
        Path root = Path.of(System.getProperty("enlace.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("deploy/target/e2e");
        LocalStack.deleteRecursively(work);
        Path tenants = Files.createDirectories(work.resolve("tenants"));
        stack = new LocalStack(new LocalStack.Options(root, work, List.of("catalog-service", "stock-service"), false, "e2e"));
        stack.startInfrastructure();
        shop = DemoTenant.create(stack.simulators(), tenants, "shop",
                new DemoTenant.Options(12, false, List.of(DemoTenant.OFFICE), stack.serviceUrl("stock-service")));
        stack.startServices(tenants);
        events = new KafkaEvents(stack.broker().bootstrapServers(), Topics.STOCK);
        String report = Http.post(stack.serviceUrl("catalog-service") + "/tenants/shop/links/by-sku", "");
        assertThat(new ObjectMapper().readTree(report).get("linked").asInt()).isEqualTo(12);
        stock = new StockChanges(stack.simulators(), shop);
    }

    @AfterAll
    void stopTheStack() {
        if (events != null) {
            events.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private void awaitStore(String sku, int expected) throws InterruptedException {
        Duration took = stock.awaitStore(sku, expected, System.nanoTime(), WAIT);
        assertThat(took).as("%s should reach %d in the store, it shows %d", sku, expected, stock.storeStock(sku)).isNotNull();
    }

    @Test
    void everyLinkedProductGetsTheErpStock() throws Exception {
        for (String sku : shop.stockOnly()) {
            awaitStore(sku, StockChanges.expectedInStore(stock.erpAvailable(sku)));
        }
    }

    @Test
    void stockChangeInBsaleReachesJumpsellerAndTheTopic() throws Exception {
        String sku = shop.stockOnly().get(0);
        double erp = stock.move(sku, 6.5);
        awaitStore(sku, StockChanges.expectedInStore(erp));

        // an analytics job reading the topic with the CloudEvents SDK sees the change, every field
        ConsumerRecord<String, CloudEvent> record = events.await(r -> r.key().equals(Topics.key("shop", sku))
                && new String(r.value().getData().toBytes()).contains("\"erpQuantity\":" + erp), 1, WAIT).get(0);
        CloudEvent ce = record.value();
        assertThat(ce.getType()).isEqualTo(StockChanged.TYPE);
        assertThat(ce.getSource().toString()).isEqualTo("/enlace/stock-service");
        assertThat(ce.getSubject()).isEqualTo(sku);
        assertThat(ce.getExtension("tenant")).isEqualTo("shop");
        assertThat(String.valueOf(ce.getExtension("causationid"))).startsWith("webhook:bsale:");
        JsonNode data = new ObjectMapper().readTree(ce.getData().toBytes());
        assertThat(data.get("tenant").asText()).isEqualTo("shop");
        assertThat(data.get("sku").asText()).isEqualTo(sku);
        assertThat(data.get("erp").get("system").asText()).isEqualTo("bsale");
        assertThat(data.get("erp").get("variantId").asText()).isEqualTo(String.valueOf(shop.bsaleVariants().get(sku)));
        assertThat(data.get("scope").asText()).isEqualTo("office:1");
        assertThat(data.get("available").asLong()).isEqualTo(StockChanges.expectedInStore(erp));
        assertThat(data.get("unlimited").asBoolean()).isFalse();
        assertThat(data.get("observedAt").asText()).isNotBlank();
    }

    @Test
    void redeliveredNotificationChangesNothing() throws Exception {
        String sku = shop.stockOnly().get(1);
        double erp = stock.move(sku, 2);
        awaitStore(sku, StockChanges.expectedInStore(erp));
        var delivered = stack.simulators().bsale().webhookAttempts(shop.cpnId()).stream()
                .filter(a -> a.body().contains("\"resourceId\":\"" + shop.bsaleVariants().get(sku) + "\""))
                .reduce((a, b) -> b).orElseThrow();
        long writesBefore = stack.simulators().jumpseller().counters(shop.storeCode()).apiCalls();
        int eventsBefore = events.settle(r -> r.key().equals(Topics.key("shop", sku)), Duration.ofSeconds(1)).size();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = postJson(delivered.url(), delivered.body());
            assertThat(again.statusCode()).isIn(200, 202);
        }
        assertThat(events.settle(r -> r.key().equals(Topics.key("shop", sku)), Duration.ofSeconds(2))).hasSize(eventsBefore);
        assertThat(stack.simulators().jumpseller().counters(shop.storeCode()).apiCalls()).isEqualTo(writesBefore);
        assertThat(stock.storeStock(sku)).isEqualTo(StockChanges.expectedInStore(erp));
    }

    @Test
    void burstOfChangesToOneSkuEndsAtTheLastValue() throws Exception {
        String sku = shop.stockOnly().get(2);
        double erp = 0;
        for (int i = 0; i < 20; i++) {
            erp = stock.move(sku, i % 2 == 0 ? 3 : -1);
        }
        awaitStore(sku, StockChanges.expectedInStore(erp));
        Thread.sleep(1000);
        assertThat(stock.storeStock(sku)).isEqualTo(StockChanges.expectedInStore(erp));
    }

    @Test
    void notificationWithAWrongTokenIsRefused() throws Exception {
        String body = "{\"cpnId\":" + shop.cpnId() + ",\"resourceId\":\"1\",\"topic\":\"stock\",\"officeId\":\"1\",\"send\":1}";
        HttpResponse<String> r = postJson(stack.serviceUrl("stock-service") + "/webhooks/bsale/shop/not-the-token", body);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }

    @Test
    void notificationForAnUnknownTenantIsRefused() throws Exception {
        String body = "{\"cpnId\":1,\"resourceId\":\"1\",\"topic\":\"stock\",\"officeId\":\"1\",\"send\":1}";
        HttpResponse<String> r = postJson(stack.serviceUrl("stock-service") + "/webhooks/bsale/nobody/" + shop.webhookToken(), body);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("unknown tenant");
    }

    @Test
    void notificationForAnotherBsaleCompanyIsRefused() throws Exception {
        String body = "{\"cpnId\":999999,\"resourceId\":\"1\",\"topic\":\"stock\",\"officeId\":\"1\",\"send\":1}";
        HttpResponse<String> r = postJson(stack.serviceUrl("stock-service") + "/webhooks/bsale/shop/" + shop.webhookToken(), body);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    /** Not a timed assertion: prints the end-to-end latency for the record (README, closing note). */
    @Test
    void printsEndToEndLatencyOfThirtyChanges() throws Exception {
        List<Long> ms = new ArrayList<>();
        List<String> skus = shop.stockOnly();
        for (int i = 0; i < 30; i++) {
            String sku = skus.get(i % skus.size());
            long start = System.nanoTime();
            double erp = stock.move(sku, 1);
            Duration took = stock.awaitStore(sku, StockChanges.expectedInStore(erp), start, WAIT);
            assertThat(took).isNotNull();
            ms.add(took.toMillis());
            Thread.sleep(100);
        }
        ms.sort(Long::compare);
        System.out.printf("ST1 end to end (Bsale API call -> Jumpseller stock), 30 changes: median %d ms, p95 %d ms, max %d ms%n",
                ms.get(15), ms.get(28), ms.get(29));
        stack.services().values().forEach(p -> System.out.printf("%s RSS: %d MB%n", p.name(), rssMegabytes(p.pid())));
    }

    private HttpResponse<String> postJson(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}

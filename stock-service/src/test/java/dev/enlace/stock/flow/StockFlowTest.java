package dev.enlace.stock.flow;

import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.StockChanges;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * ST1 and its rules, through the real path: a stock move in the Bsale simulator, Bsale's
 * notification to this service, StockChanged on the broker, the write into the Jumpseller
 * simulator. Links arrive as ProductLinked events, as catalog-service sends them.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class StockFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static KafkaEvents events;

    @Inject
    Pool pool;

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created acme = SimulatedTenantResources.tenant("acme");
    private final StockChanges acmeStock = new StockChanges(sims, acme);

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.STOCK);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void link() {
        LinkedTenants.ensureLinked();
    }

    private int store(DemoTenant.Created tenant, String sku) {
        return sims.jumpseller().stock(tenant.storeCode(), sku).stock();
    }

    private void awaitStore(DemoTenant.Created tenant, String sku, int expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).untilAsserted(
                () -> assertThat(store(tenant, sku)).as("store stock of " + sku).isEqualTo(expected));
    }

    private long stockEventsFor(String tenant, String sku, Duration settle) {
        return events.settle(r -> r.key().equals(Topics.key(tenant, sku)), settle).size();
    }

    @Test
    void linkedVariantGetsTheErpStockAsSoonAsItIsLinked() {
        String sku = acme.stockOnly().get(0);
        awaitStore(acme, sku, StockChanges.expectedInStore(acmeStock.erpAvailable(sku)));
    }

    @Test
    void stockReceptionInBsaleReachesTheStore() throws Exception { // ST1
        String sku = acme.stockOnly().get(1);
        awaitStore(acme, sku, StockChanges.expectedInStore(acmeStock.erpAvailable(sku)));
        double erp = acmeStock.move(sku, 7);
        awaitStore(acme, sku, StockChanges.expectedInStore(erp));
    }

    /** The delivery is marked done by the statement that records its stock: one attempt, nothing left to claim. */
    @Test
    void stockNotificationIsDoneOnceItsStockIsRecorded() throws Exception { // ST1
        String sku = acme.stockOnly().get(3);
        double erp = acmeStock.move(sku, 3);
        awaitStore(acme, sku, StockChanges.expectedInStore(erp));
        long variant = acme.bsaleVariants().get(sku);
        await().atMost(WAIT).untilAsserted(() -> {
            var row = pool.preparedQuery("SELECT status, attempts, processed_at FROM webhook_inbox WHERE system = 'bsale'"
                            + " AND tenant = 'acme' AND payload LIKE $1 ORDER BY id DESC LIMIT 1")
                    .execute(Tuple.of("%\"resourceId\":\"" + variant + "\"%")).await().indefinitely().iterator().next();
            assertThat(row.getString("status")).isEqualTo("DONE");
            assertThat(row.getInteger("attempts")).isEqualTo(1);
            assertThat(row.getOffsetDateTime("processed_at")).isNotNull();
        });
    }

    @Test
    void fractionalErpStockIsRoundedDownInTheStore() throws Exception { // ST5
        String sku = acme.stockOnly().get(2);
        awaitStore(acme, sku, StockChanges.expectedInStore(acmeStock.erpAvailable(sku)));
        double erp = acmeStock.move(sku, 2.5);
        assertThat(erp % 1).isEqualTo(0.5);
        awaitStore(acme, sku, (int) Math.floor(erp));
    }

    @Test
    void negativeErpStockBecomesZeroInTheStore() throws Exception { // ST6, and ST7 with pre-sale off
        String sku = acme.sellableWithoutStock().get(0);
        double erp = acmeStock.move(sku, -(acmeStock.erpAvailable(sku) + 4));
        assertThat(erp).isNegative();
        awaitStore(acme, sku, 0);
        assertThat(sims.jumpseller().stock(acme.storeCode(), sku).stockUnlimited()).isFalse();
    }

    @Test
    void sellWithoutStockWithPreSaleOnIsUnlimitedInTheStore() { // ST7
        DemoTenant.Created presale = SimulatedTenantResources.tenant("presale");
        String unlimited = presale.sellableWithoutStock().get(0);
        String ordinary = presale.stockOnly().get(0);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(sims.jumpseller().stock(presale.storeCode(), unlimited).stockUnlimited()).isTrue());
        awaitStore(presale, ordinary, StockChanges.expectedInStore(new StockChanges(sims, presale).erpAvailable(ordinary)));
        assertThat(sims.jumpseller().stock(presale.storeCode(), ordinary).stockUnlimited()).isFalse();
    }

    @Test
    void movementInAnOfficeTheTenantDoesNotSellFromChangesNothing() throws Exception { // ST8
        String sku = acme.stockOnly().get(3);
        int before = StockChanges.expectedInStore(acmeStock.erpAvailable(sku));
        awaitStore(acme, sku, before);
        long eventsBefore = stockEventsFor("acme", sku, Duration.ofMillis(500));
        acmeStock.move(sku, 9, DemoTenant.WAREHOUSE);
        assertThat(stockEventsFor("acme", sku, Duration.ofSeconds(2))).isEqualTo(eventsBefore);
        assertThat(store(acme, sku)).isEqualTo(before);
    }

    @Test
    void tenantThatNamesNoOfficeSellsTheSumOfAllWarehouses() throws Exception { // ST8
        DemoTenant.Created all = SimulatedTenantResources.tenant("allstock");
        StockChanges allStock = new StockChanges(sims, all);
        String sku = all.stockOnly().get(0);
        allStock.move(sku, 3, DemoTenant.WAREHOUSE);
        double sum = allStock.erpAvailable(sku, DemoTenant.OFFICE) + allStock.erpAvailable(sku, DemoTenant.WAREHOUSE);
        awaitStore(all, sku, StockChanges.expectedInStore(sum));
    }

    @Test
    void redeliveredNotificationChangesNothing() throws Exception {
        String sku = acme.stockOnly().get(4);
        double erp = acmeStock.move(sku, 1);
        awaitStore(acme, sku, StockChanges.expectedInStore(erp));
        long eventsBefore = stockEventsFor("acme", sku, Duration.ofSeconds(1));
        long callsBefore = sims.jumpseller().counters(acme.storeCode()).apiCalls();
        var last = sims.bsale().webhookAttempts(acme.cpnId()).stream()
                .filter(a -> a.body().contains("\"resourceId\":\"" + acme.bsaleVariants().get(sku) + "\""))
                .reduce((a, b) -> b).orElseThrow();

        // Bsale notifications only point at current state: a redelivery is read again and changes nothing
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(last.body()).when().post(last.url())
                    .then().statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(202)));
        }

        assertThat(stockEventsFor("acme", sku, Duration.ofSeconds(2))).isEqualTo(eventsBefore);
        assertThat(sims.jumpseller().counters(acme.storeCode()).apiCalls()).isEqualTo(callsBefore);
        assertThat(store(acme, sku)).isEqualTo(StockChanges.expectedInStore(erp));
    }

    @Test
    void burstOfChangesToOneSkuEndsAtTheLastValue() throws Exception {
        String sku = acme.stockOnly().get(5);
        awaitStore(acme, sku, StockChanges.expectedInStore(acmeStock.erpAvailable(sku)));
        long callsBefore = sims.jumpseller().counters(acme.storeCode()).apiCalls();
        double erp = 0;
        for (int i = 0; i < 25; i++) {
            erp = acmeStock.move(sku, i % 3 == 2 ? -1 : 2);
        }
        awaitStore(acme, sku, StockChanges.expectedInStore(erp));
        assertThat(stockEventsFor("acme", sku, Duration.ofSeconds(1))).isPositive();
        long writes = sims.jumpseller().counters(acme.storeCode()).apiCalls() - callsBefore;
        assertThat(writes).as("store writes for 25 changes").isLessThanOrEqualTo(25);
        assertThat(store(acme, sku)).isEqualTo(StockChanges.expectedInStore(erp));
    }

    @Test
    void storeStockWebhookIsNeverPushedToTheErp() throws Exception { // ST4, and no echo loop
        String sku = acme.stockOnly().get(6);
        double erpBefore = acmeStock.erpAvailable(sku);
        String body = "{\"product\":{\"id\":" + sims.jumpseller().stock(acme.storeCode(), sku).productId()
                + ",\"sku\":\"" + sku + "\",\"stock\":999}}";
        given().contentType(ContentType.JSON)
                .header("Jumpseller-Event", "product_stock_updated")
                .header("Jumpseller-Hmac-Sha256", sign(sims.jumpseller().credentials(acme.storeCode()).hooksToken(), body))
                .body(body).when().post("/webhooks/jumpseller/acme")
                .then().statusCode(200).body("status", equalTo("ignored"));
        Thread.sleep(500);
        assertThat(acmeStock.erpAvailable(sku)).isEqualTo(erpBefore);
    }

    @Test
    void unlinkedVariantIsNeverWrittenToTheStore() throws Exception {
        String sku = acme.skus().get(acme.skus().size() - 1);
        int before = store(acme, sku);
        acmeStock.move(sku, 4);
        stockEventsFor("acme", sku, Duration.ofSeconds(2));
        assertThat(store(acme, sku)).isEqualTo(before);
    }

    @Test
    void storeThatKeepsFailingLeavesAFailureThatCanBeRetriedByHand() throws Exception { // OP3
        String sku = acme.stockOnly().get(7);
        awaitStore(acme, sku, StockChanges.expectedInStore(acmeStock.erpAvailable(sku)));
        sims.jumpseller().setFaultRate(acme.storeCode(), 1.0);
        double erp;
        try {
            erp = acmeStock.move(sku, 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> failureId(sku) != null);
        } finally {
            sims.jumpseller().setFaultRate(acme.storeCode(), 0.0);
        }
        Number id = failureId(sku);
        given().when().get("/failures/" + id).then().statusCode(200).body("kind", equalTo("store-stock-write"));
        given().when().post("/failures/" + id + "/retry").then().statusCode(200).body("status", equalTo("RETRIED"));
        awaitStore(acme, sku, StockChanges.expectedInStore(erp));
    }

    private Number failureId(String sku) {
        return given().queryParam("tenant", "acme").queryParam("status", "OPEN").when().get("/failures")
                .then().statusCode(200).extract().path("find { it.payload.startsWith('" + sku + " ') }.id");
    }

    private static String sign(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

}

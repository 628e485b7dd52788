package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stock rows, receptions, consumptions and stock webhooks (bsale.md §4, §10). */
class StockTest extends SimulatorTestSupport {

    @Test
    void stockHasOneRowPerVariantAndOfficeWithFloatQuantities() {
        sim.seed(company.cpnId(), new BsaleSeed(List.of(new BsaleSeed.Office("Bodega", null, null, null, null)), List.of()));
        long v = seedVariant("STK-1", 4, 100);
        Resp r = get("/v1/stocks.json?variantid=" + v);
        assertThat(r.body().get("count").asInt()).isEqualTo(2);
        JsonNode row = r.items().get(0);
        assertThat(row.get("quantity").isDouble()).isTrue();
        assertThat(row.get("quantity").asDouble()).isEqualTo(4.0);
        assertThat(row.get("quantityReserved").asDouble()).isZero();
        assertThat(row.get("quantityAvailable").asDouble()).isEqualTo(4.0);
        assertThat(row.get("variant").get("id").asText()).isEqualTo(String.valueOf(v));
        assertThat(row.get("office").get("id").asText()).isEqualTo("1");
    }

    @Test
    void stockFiltersAcceptBracketedAndPlainValues() {
        long v = seedVariant("BR-1", 7, 100);
        seedVariant("BR-2", 1, 100);
        for (String q : List.of("variantid=[" + v + "]", "variantid=" + v, "code=[BR-1]", "code=BR-1")) {
            Resp r = get("/v1/stocks.json?officeid=[1]&" + q);
            assertThat(r.body().get("count").asInt()).as(q).isEqualTo(1);
            assertThat(r.items().get(0).get("quantity").asDouble()).as(q).isEqualTo(7.0);
        }
        assertThat(get("/v1/stocks.json?officeid=1").body().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void stockListIsPagedWithAtMostFiftyItems() {
        sim.seed(company.cpnId(), ApiConventionsTest.products(120));
        Resp first = get("/v1/stocks.json?limit=50");
        assertThat(first.items()).hasSize(50);
        assertThat(first.body().get("count").asInt()).isEqualTo(120);
        String next = first.body().get("next").asText();
        Resp second = get(next.substring(next.indexOf("/v1/")));
        assertThat(second.body().get("offset").asInt()).isEqualTo(50);
        assertThat(second.items()).hasSize(50);
        assertThat(second.items().get(0).get("id").asLong()).isGreaterThan(first.items().get(49).get("id").asLong());
    }

    @Test
    void stockExpandEmbedsVariantAndOffice() {
        long v = seedVariant("EXP-1", 1, 100);
        JsonNode row = get("/v1/stocks.json?variantid=" + v + "&expand=[variant,office]").items().get(0);
        assertThat(row.get("variant").get("code").asText()).isEqualTo("EXP-1");
        assertThat(row.get("office").get("name").asText()).isEqualTo("Casa Matriz");
    }

    @Test
    void receptionRaisesAvailableStockAndSendsThinStockNotification() {
        long v = seedVariant("POL-001-M", 4, 100);
        sim.registerWebhook(company.cpnId(), sink.url(), Set.of());
        Resp r = post("/v1/stocks/receptions.json", """
                {"document": "Guía", "officeId": 1, "documentNumber": "123", "note": "ajuste conector",
                 "details": [{"code": "POL-001-M", "quantity": 5, "cost": 3200}]}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("id").isNumber()).isTrue();
        assertThat(r.body().get("admissionDate").isNumber()).isTrue();
        assertThat(r.body().get("office").get("id").asText()).isEqualTo("1");
        assertThat(r.body().get("details").get("href").asText()).endsWith("/details.json");

        assertThat(sim.stock(company.cpnId(), v, 1).quantityAvailable()).isEqualTo(9.0);
        JsonNode detail = get(r.body().get("details").get("href").asText().replaceFirst("^http://[^/]+", ""))
                .items().get(0);
        assertThat(detail.get("variantStock").asDouble()).isEqualTo(9.0);
        assertThat(detail.get("quantity").asDouble()).isEqualTo(5.0);

        await().until(() -> !sink.ofCompany(company.cpnId()).isEmpty());
        JsonNode n = sink.ofCompany(company.cpnId()).get(0);
        assertThat(n.get("cpnId").asLong()).isEqualTo(company.cpnId());
        assertThat(n.get("resource").asText()).isEqualTo("/v2/stocks.json?variant=" + v + "&office=1");
        assertThat(n.get("resourceId").asText()).isEqualTo(String.valueOf(v));
        assertThat(n.get("topic").asText()).isEqualTo("stock");
        assertThat(n.get("action").asText()).isEqualTo("put");
        assertThat(n.get("officeId").asText()).isEqualTo("1");
        assertThat(n.get("send").isIntegralNumber()).isTrue();
        assertThat(n.size()).isEqualTo(7);
    }

    @Test
    void receptionDetailsMayNameTheVariantByIdOrBarCode() {
        long v = seedVariant("RID-1", 0, 100);
        String bar = get("/v1/variants/" + v + ".json").body().get("barCode").asText();
        assertThat(post("/v1/stocks/receptions.json",
                "{\"officeId\": 1, \"details\": [{\"id\": %d, \"quantity\": 1}]}".formatted(v)).status()).isEqualTo(201);
        assertThat(post("/v1/stocks/receptions.json",
                "{\"officeId\": 1, \"details\": [{\"barCode\": \"%s\", \"quantity\": 2}]}".formatted(bar)).status())
                .isEqualTo(201);
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(3.0);
    }

    @Test
    void receptionOfUnknownSkuIsInvalidVariant() {
        Resp r = post("/v1/stocks/receptions.json", "{\"officeId\": 1, \"details\": [{\"code\": \"NOPE\", \"quantity\": 1}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("invalid variant");
    }

    @Test
    void consumptionLowersStock() {
        long v = seedVariant("CON-1", 10, 100);
        Resp r = post("/v1/stocks/consumptions.json", """
                {"officeId": 1, "note": "ajuste conector", "consumptionTypeId": 1,
                 "details": [{"code": "CON-1", "quantity": 2}]}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("consumptionDate").isNumber()).isTrue();
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(8.0);
    }

    @Test
    void consumptionBelowZeroIsRejectedWithoutAllowNegativeStock() {
        long v = seedVariant("NEG-0", 1, 100);
        Resp r = post("/v1/stocks/consumptions.json", "{\"officeId\": 1, \"details\": [{\"variantId\": %d, \"quantity\": 2}]}"
                .formatted(v));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("There is no stock for this products: \"NEG-0\"");
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(1.0);
    }

    @Test
    void consumptionBelowZeroIsAllowedWithAllowNegativeStock() {
        long v = seedVariant("NEG-1", 1, 100, 1);
        Resp r = post("/v1/stocks/consumptions.json", "{\"officeId\": 1, \"details\": [{\"variantId\": %d, \"quantity\": 3}]}"
                .formatted(v));
        assertThat(r.status()).isEqualTo(201);
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(-2.0);
    }

    @Test
    void fractionalQuantityIsRejectedUnlessProductAllowsDecimals() {
        long v = seedVariant("DEC-1", 0, 100);
        Resp r = post("/v1/stocks/receptions.json", "{\"officeId\": 1, \"details\": [{\"variantId\": %d, \"quantity\": 1.5}]}"
                .formatted(v));
        assertThat(r.status()).isEqualTo(400);
        sim.seed(company.cpnId(), new BsaleSeed(null, List.of(new BsaleSeed.Product("Queso", null, null, null, 1,
                List.of(new BsaleSeed.Variant("KG-1", null, null, null, null, null, null))))));
        assertThat(post("/v1/stocks/receptions.json", "{\"officeId\": 1, \"details\": [{\"code\": \"KG-1\", \"quantity\": 60.36}]}")
                .status()).isEqualTo(201);
        assertThat(get("/v1/stocks.json?code=KG-1&officeid=1").items().get(0).get("quantity").asDouble()).isEqualTo(60.36);
    }

    @Test
    void consumptionTypesAreListed() {
        Resp r = get("/v1/stock_consumption_types.json");
        assertThat(r.body().get("count").asInt()).isPositive();
        JsonNode t = r.items().get(0);
        assertThat(t.has("cntId")).isTrue();
        assertThat(t.has("cntI18nName")).isTrue();
        assertThat(t.has("cntActive")).isTrue();
        assertThat(t.has("cntCode")).isTrue();
    }

    @Test
    void inventoryCountOnTheAdminSideSetsStockAndNotifies() {
        long v = seedVariant("INV-1", 3, 100);
        sim.registerWebhook(company.cpnId(), sink.url(), Set.of("stock"));
        BsaleSimulator.StockLevel level = sim.setStock(company.cpnId(), v, 1, 11);
        assertThat(level.quantity()).isEqualTo(11.0);
        await().until(() -> sink.ofCompany(company.cpnId()).size() == 1);
        assertThat(sink.ofCompany(company.cpnId()).get(0).get("resourceId").asText()).isEqualTo(String.valueOf(v));
    }

    @Test
    void stockNotificationsArriveInTheOrderOfTheChanges() {
        long[] ids = new long[10];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = seedVariant("ORD-" + i, 0, 100);
        }
        sim.registerWebhook(company.cpnId(), sink.url(), Set.of("stock"));
        for (long id : ids) {
            sim.setStock(company.cpnId(), id, 1, 5);
        }
        await().until(() -> sink.ofCompany(company.cpnId()).size() == ids.length);
        List<String> order = sink.ofCompany(company.cpnId()).stream().map(n -> n.get("resourceId").asText()).toList();
        assertThat(order).containsExactly(java.util.Arrays.stream(ids).mapToObj(String::valueOf).toArray(String[]::new));
    }

    @Test
    void webhooksHonourTopicsAndAreNotRetried() {
        long v = seedVariant("HOOK-1", 3, 100);
        sim.registerWebhook(company.cpnId(), sink.url(), Set.of("document"));
        sim.setStock(company.cpnId(), v, 1, 4);
        sink.status = 500;
        sim.registerWebhook(company.cpnId(), sink.url().replace("bsale", "stock"), Set.of("stock"));
        sim.setStock(company.cpnId(), v, 1, 5);
        await().until(() -> !sim.webhookAttempts(company.cpnId()).isEmpty());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        var attempts = sim.webhookAttempts(company.cpnId());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).status()).isEqualTo(500);
        assertThat(attempts.get(0).attempt()).isEqualTo(1);
    }

    @Test
    void unregisteredWebhookReceivesNothing() {
        long v = seedVariant("UNREG-1", 3, 100);
        var target = sim.registerWebhook(company.cpnId(), sink.url(), Set.of());
        assertThat(sim.unregisterWebhook(company.cpnId(), target.id())).isTrue();
        sim.setStock(company.cpnId(), v, 1, 4);
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        assertThat(sim.webhookAttempts(company.cpnId())).isEmpty();
        assertThat(sim.webhooks(company.cpnId())).isEmpty();
    }

    @Test
    void concurrentReceptionsAndConsumptionsKeepTheCountExact() throws Exception {
        long v = seedVariant("CC-1", 1000, 100);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String path = i % 2 == 0 ? "/v1/stocks/receptions.json" : "/v1/stocks/consumptions.json";
                results.add(pool.submit(() -> post(path,
                        "{\"officeId\": 1, \"details\": [{\"variantId\": %d, \"quantity\": 3}]}".formatted(v)).status()));
            }
            for (var f : results) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(1000.0);
        assertThat(get("/v1/stocks/receptions.json").body().get("count").asInt()).isEqualTo(100);
    }
}

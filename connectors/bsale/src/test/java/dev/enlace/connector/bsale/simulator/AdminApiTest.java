package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's own control API under /_sim. */
class AdminApiTest extends SimulatorTestSupport {

    @Test
    void companyCreatedOverHttpCanCallTheApi() {
        Resp created = call("POST", "/_sim/companies", "{\"name\": \"Tienda Uno\", \"code\": \"76123456-0\"}", null);
        assertThat(created.status()).isEqualTo(201);
        String token = created.body().get("accessToken").asText();
        assertThat(created.body().get("cpnId").asLong()).isPositive();
        assertThat(call("GET", "/v1/offices.json", null, token).status()).isEqualTo(200);
        assertThat(call("GET", "/_sim/companies", null, null).body()).isNotEmpty();
    }

    @Test
    void seedOverHttpThenSetStockFiresWebhook() {
        ObjectNode seed = JSON.createObjectNode();
        seed.putArray("offices").addObject().put("name", "Bodega");
        ArrayNode products = seed.putArray("products");
        ObjectNode p = products.addObject().put("name", "Polera");
        ObjectNode v = p.putArray("variants").addObject().put("code", "ADM-1").put("price", 1000);
        v.putObject("stock").put("1", 3).put("2", 4);
        Resp r = call("POST", "/_sim/companies/" + company.cpnId() + "/seed", seed.toString(), null);
        assertThat(r.status()).isEqualTo(201);
        long variantId = r.body().get("variantIds").get(0).asLong();
        assertThat(sim.stock(company.cpnId(), variantId, 2).quantity()).isEqualTo(4.0);

        Resp hook = call("POST", "/_sim/companies/" + company.cpnId() + "/webhooks",
                "{\"url\": \"" + sink.url() + "\", \"topics\": [\"stock\"]}", null);
        assertThat(hook.status()).isEqualTo(201);
        Resp set = call("PUT", "/_sim/companies/" + company.cpnId() + "/stock",
                "{\"code\": \"ADM-1\", \"officeId\": 2, \"quantity\": 9}", null);
        assertThat(set.body().get("quantity").asDouble()).isEqualTo(9.0);
        Awaitility.await().until(() -> call("GET", "/_sim/companies/" + company.cpnId() + "/webhook-attempts", null, null)
                .body().size() == 1);
        JsonNode attempt = call("GET", "/_sim/companies/" + company.cpnId() + "/webhook-attempts", null, null).body().get(0);
        assertThat(attempt.get("delivered").asBoolean()).isTrue();
        assertThat(attempt.get("body").get("officeId").asText()).isEqualTo("2");
    }

    @Test
    void faultsAndBlockingAreSwitchedOverHttp() {
        call("PUT", "/_sim/companies/" + company.cpnId() + "/faults", "{\"fraction\": 1, \"status\": 429}", null);
        assertThat(get("/v1/offices.json").status()).isEqualTo(429);
        call("PUT", "/_sim/companies/" + company.cpnId() + "/faults", "{\"fraction\": 0}", null);
        call("PUT", "/_sim/companies/" + company.cpnId() + "/blocked", "{\"blocked\": true}", null);
        assertThat(get("/v1/offices.json").status()).isEqualTo(402);
    }

    @Test
    void issuedDocumentsAreListed() {
        seedVariant("ADM-DOC", 5, 1000);
        post("/v1/documents.json", "{\"codeSii\": 39, \"details\": [{\"code\": \"ADM-DOC\", \"quantity\": 1}]}");
        Resp docs = call("GET", "/_sim/companies/" + company.cpnId() + "/documents", null, null);
        assertThat(docs.body()).hasSize(1);
        // Without netUnitValue the line takes the price list's net value.
        assertThat(docs.body().get(0).get("netAmount").asDouble()).isEqualTo(1000.0);
    }

    @Test
    void unknownCompanyIs404OnTheAdminSide() {
        assertThat(call("GET", "/_sim/companies/999999/webhooks", null, null).status()).isEqualTo(404);
    }

    @Test
    void hundredThousandVariantsSeedQuicklyAndAreQueryable() {
        List<BsaleSeed.Product> ps = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            ps.add(new BsaleSeed.Product("P" + i, null, null, null, null, List.of(
                    new BsaleSeed.Variant("B-" + i, null, null, null, null, 990.0, Map.of(1L, 5.0)))));
        }
        long start = System.nanoTime();
        BsaleSeed.Result r = sim.seed(company.cpnId(), new BsaleSeed(null, ps));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.variantIds()).hasSize(100_000);
        assertThat(millis).isLessThan(5_000);
        assertThat(get("/v1/stocks.json?code=B-99999").items().get(0).get("quantity").asDouble()).isEqualTo(5.0);
        assertThat(get("/v1/variants/count.json").body().get("count").asInt()).isEqualTo(100_000);
    }
}

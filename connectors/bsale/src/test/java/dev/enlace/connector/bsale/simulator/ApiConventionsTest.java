package dev.enlace.connector.bsale.simulator;

import dev.enlace.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Envelope, auth, errors and limits every Bsale endpoint shares (bsale.md §1, §12). */
class ApiConventionsTest extends SimulatorTestSupport {

    @Test
    void missingAccessTokenIs401WithBsaleErrorText() {
        Resp r = call("GET", "/v1/offices.json", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("error").asText()).isEqualTo("Sorry, this request can not be authenticated");
    }

    @Test
    void unknownAccessTokenIs401() {
        Resp r = call("GET", "/v1/variants.json", null, "not-a-token");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("error").asText()).isEqualTo("Sorry, this request can not be authenticated");
    }

    @Test
    void tokenSelectsTheCompanyAndItsData() {
        seedVariant("ONLY-A", 5, 1000);
        BsaleSimulator.CompanyAccess other = sim.createCompany("Otra Empresa");
        Resp mine = get("/v1/variants.json?code=ONLY-A");
        Resp theirs = call("GET", "/v1/variants.json?code=ONLY-A", null, other.accessToken());
        assertThat(mine.body().get("count").asInt()).isEqualTo(1);
        assertThat(theirs.body().get("count").asInt()).isZero();
        assertThat(other.cpnId()).isNotEqualTo(company.cpnId());
    }

    @Test
    void malformedJsonIsInvalidJsonObject() {
        Resp r = post("/v1/stocks/receptions.json", "{\"officeId\": 1, \"details\": [");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("Invalid JSON object");
    }

    @Test
    void unknownIdIs404WithErrorBody() {
        Resp r = get("/v1/variants/987654.json");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("error").isTextual()).isTrue();
    }

    @Test
    void unknownResourceAnswersResourceNotAvailable() {
        Resp r = get("/v1/unicorns.json");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body().get("error").asText()).isEqualTo("The requested resource is not available");
    }

    @Test
    void listEnvelopeDefaultsToTwentyFiveAndHasNextOnlyWhenMore() {
        sim.seed(company.cpnId(), products(30));
        Resp first = get("/v1/variants.json");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("href").asText()).endsWith("/v1/variants.json");
        assertThat(first.body().get("count").asInt()).isEqualTo(30);
        assertThat(first.body().get("limit").asInt()).isEqualTo(25);
        assertThat(first.body().get("offset").asInt()).isZero();
        assertThat(first.items()).hasSize(25);
        assertThat(first.body().get("next").asText()).contains("limit=25").contains("offset=25");

        Resp last = get("/v1/variants.json?offset=25");
        assertThat(last.items()).hasSize(5);
        assertThat(last.body().has("next")).isFalse();
    }

    @Test
    void limitIsCappedAtFifty() {
        sim.seed(company.cpnId(), products(60));
        Resp r = get("/v1/variants.json?limit=100");
        assertThat(r.body().get("limit").asInt()).isEqualTo(50);
        assertThat(r.items()).hasSize(50);
    }

    @Test
    void nestedRefsCarryStringIdsAndTopLevelIdsAreNumbers() {
        long variantId = seedVariant("REF-1", 4, 100);
        Resp r = get("/v1/variants/" + variantId + ".json");
        assertThat(r.body().get("id").isNumber()).isTrue();
        assertThat(r.body().get("product").get("id").isTextual()).isTrue();
        assertThat(r.body().get("product").get("href").asText()).endsWith(".json");
    }

    @Test
    void countEndpointCountsEveryStateUnlessFiltered() {
        long v = seedVariant("CNT-1", 0, 100);
        seedVariant("CNT-2", 0, 100);
        put("/v1/variants/" + v + ".json", "{\"state\": 1}");
        assertThat(get("/v1/variants/count.json").body().get("count").asInt()).isEqualTo(2);
        assertThat(get("/v1/variants/count.json?state=0").body().get("count").asInt()).isEqualTo(1);
        assertThat(get("/v1/variants.json").body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void fieldsReturnsOnlyTheRequestedAttributes() {
        long v = seedVariant("FLD-1", 3, 100);
        Resp r = get("/v1/variants/" + v + ".json?fields=[code,state]");
        List<String> names = new ArrayList<>();
        r.body().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("href", "code", "state");
    }

    @Test
    void blockedCompanyAnswers402() {
        sim.setBlocked(company.cpnId(), true);
        assertThat(get("/v1/offices.json").status()).isEqualTo(402);
        sim.setBlocked(company.cpnId(), false);
        assertThat(get("/v1/offices.json").status()).isEqualTo(200);
    }

    @Test
    void faultInjectionAnswers500ForTheChosenFraction() {
        sim.setFaults(company.cpnId(), 1.0, 500);
        Resp r = get("/v1/offices.json");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body().get("error").asText()).isEqualTo("The requested resource is not available");
        sim.setFaults(company.cpnId(), 0, 500);
        assertThat(get("/v1/offices.json").status()).isEqualTo(200);
    }

    @Test
    void rateLimitAnswers429PastTheBudget() {
        BsaleSimulator small = new BsaleSimulator(vertx, BsaleSimulatorOptions.defaults()
                .withRateLimit(5, Duration.ofSeconds(300)));
        try (SimulatorServer s = join(SimulatorServer.start(vertx, small.router(), "127.0.0.1", 0))) {
            BsaleSimulator.CompanyAccess a = small.createCompany("Limitada");
            BsaleSimulator.CompanyAccess b = small.createCompany("Otra");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                statuses.add(callOn(s, a.accessToken()));
            }
            assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429);
            // The budget is per company.
            assertThat(callOn(s, b.accessToken())).isEqualTo(200);
        } finally {
            small.close();
        }
    }

    private static int callOn(SimulatorServer s, String token) {
        try {
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.baseUrl() + "/v1/offices.json"))
                    .header("access_token", token).build();
            return http.send(req, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void companyLookupOnTheCredentialPathReturnsCpnId() {
        Resp r = call("GET", "/v1/instances/basic/" + company.accessToken() + ".json", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("id").asLong()).isEqualTo(company.cpnId());
        assertThat(r.body().get("code").asText()).isEqualTo(company.code());
    }

    @Test
    void mountedUnderAPrefixTheHrefsKeepThePrefix() throws Exception {
        io.vertx.ext.web.Router parent = io.vertx.ext.web.Router.router(vertx);
        parent.route("/bsale/*").subRouter(sim.router());
        try (SimulatorServer s = join(SimulatorServer.start(vertx, parent, "127.0.0.1", 0))) {
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.baseUrl() + "/bsale/v1/offices.json"))
                    .header("access_token", company.accessToken()).build();
            var resp = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(resp.body()).get("href").asText()).isEqualTo(s.baseUrl() + "/bsale/v1/offices.json");
        }
    }

    static BsaleSeed products(int n) {
        List<BsaleSeed.Product> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(new BsaleSeed.Product("P" + i, null, null, null, null,
                    List.of(new BsaleSeed.Variant("SKU-" + i, null, null, null, null, 1000.0, null))));
        }
        return new BsaleSeed(null, ps);
    }
}

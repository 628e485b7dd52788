package dev.enlace.connector.relbase.simulator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** relbase.md §1: the two raw token headers, the 7 req/s limit answered with 403, the envelope. */
class ApiConventionsTest extends SimulatorTestSupport {

    @Test
    void bothRawTokensAreRequired() {
        assertThat(call("GET", "/api/v1/bodegas", null, company.companyToken(), null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/bodegas", null, null, company.userToken()).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/bodegas", null, company.companyToken(), "Bearer " + company.userToken()).status())
                .isEqualTo(401);
        Resp ok = get("/bodegas");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.data().get("warehouses")).hasSize(1);
    }

    @Test
    void aUserTokenOnlyOpensItsOwnCompany() {
        RelbaseSimulator.CompanyAccess other = sim.createCompany("Otra SpA");
        Resp r = call("GET", "/api/v1/bodegas", null, company.companyToken(), other.userToken());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.meta().get("code").asInt()).isEqualTo(401);
    }

    @Test
    void anotherUserOfTheSameCompanyIsAccepted() {
        String second = sim.addUser(company.companyId());
        assertThat(call("GET", "/api/v1/bodegas", null, company.companyToken(), second).status()).isEqualTo(200);
    }

    @Test
    void moreThanSevenRequestsInOneSecondAreAnsweredWith403() {
        RelbaseSimulator.CompanyAccess fresh = sim.createCompany("Limitada SpA");
        List<CompletableFuture<Resp>> burst = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> burst.add(CompletableFuture.supplyAsync(
                () -> call("GET", "/api/v1/bodegas", null, fresh.companyToken(), fresh.userToken()))));
        List<Resp> answers = burst.stream().map(CompletableFuture::join).toList();
        List<Resp> refused = answers.stream().filter(r -> r.status() == 403).toList();
        assertThat(answers.stream().filter(r -> r.status() == 200)).hasSizeLessThanOrEqualTo(7);
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).meta().get("message").asText()).isEqualTo("rate limit exceeded");
        assertThat(sim.rateLimitedCalls(fresh.companyId())).isEqualTo(refused.size());
    }

    @Test
    void listsCarryThePagingMetaAndStopWithANullNextPage() {
        List<RelbaseSeed.Product> products = IntStream.range(0, 30)
                .mapToObj(i -> new RelbaseSeed.Product("SKU-" + i, "Producto " + i, null, BigDecimal.valueOf(1000), null, Map.of()))
                .toList();
        sim.seed(company.companyId(), new RelbaseSeed(null, products));
        Resp first = get("/productos");
        assertThat(first.data().get("products")).hasSize(25);
        assertThat(first.meta().get("current_page").asInt()).isEqualTo(1);
        assertThat(first.meta().get("next_page").asInt()).isEqualTo(2);
        assertThat(first.meta().get("prev_page").isNull()).isTrue();
        assertThat(first.meta().get("total_pages").asInt()).isEqualTo(2);
        assertThat(first.meta().get("total_count").asInt()).isEqualTo(30);
        Resp last = get("/productos?page=2");
        assertThat(last.data().get("products")).hasSize(5);
        assertThat(last.meta().get("next_page").isNull()).isTrue();
        Resp big = get("/productos?per_page=100");
        assertThat(big.data().get("products")).hasSize(30);
        assertThat(get("/productos?per_page=1000").meta().get("total_pages").asInt()).isEqualTo(1);
    }

    @Test
    void unknownIdsAre404InTheMetaShape() {
        Resp r = get("/productos/999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.meta().get("code").asInt()).isEqualTo(404);
    }

    @Test
    void injectedFaultsAnswerTheChosenStatus() {
        sim.setFaults(company.companyId(), 1, 502);
        assertThat(get("/bodegas").status()).isEqualTo(502);
        sim.setFaults(company.companyId(), 0, 500);
        assertThat(get("/bodegas").status()).isEqualTo(200);
    }

    @Test
    void referenceDataListsPaymentTypesAndChannels() {
        Resp pay = get("/forma_pagos");
        assertThat(pay.data().get("type_payments")).isNotEmpty();
        assertThat(pay.data().get("type_payments").get(0).has("fma_pago_sii")).isTrue();
        assertThat(get("/canal_ventas").data().get("channels")).isNotEmpty();
    }
}

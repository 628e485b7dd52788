package dev.enlace.connector.insales.simulator;

import dev.enlace.connector.insales.simulator.InsalesAdmin.NewShop;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndLimitsTest extends SimulatorTest {

    @Override
    InsalesSimulator.Options options() {
        return InsalesSimulator.Options.defaults().withLimit(3, Duration.ofMinutes(5));
    }

    @Test
    void basicAuthIsTheAppIdentifierAndTheShopPassword() {
        assertThat(api.get("/products.json").status()).isEqualTo(200);
        Api wrong = new Api(server.baseUrl() + shop.apiBase(), shop.apiKey(), "not-the-password");
        Api.Response denied = wrong.get("/products.json");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(new Api(server.baseUrl() + shop.apiBase(), null, null).get("/products.json").status()).isEqualTo(401);
    }

    @Test
    void aShopsPasswordDoesNotOpenAnotherShop() {
        var other = sim.createShop(new NewShop("othershop", null));
        Api crossed = new Api(server.baseUrl() + other.apiBase(), shop.apiKey(), shop.password());
        assertThat(crossed.get("/products.json").status()).isEqualTo(401);
    }

    @Test
    void everyResponseCarriesTheUsageHeader() {
        assertThat(api.get("/products.json").header("API-Usage-Limit")).isEqualTo("1/3");
        assertThat(api.get("/products.json").header("API-Usage-Limit")).isEqualTo("2/3");
    }

    @Test
    void pastTheLimitTheShopAnswers429WithRetryAfterUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/products.json").status()).isEqualTo(200);
        }
        Api.Response throttled = api.get("/products.json");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(throttled.header("API-Usage-Limit")).isEqualTo("3/3");
        assertThat(sim.counters(shop.shop()).throttled()).isEqualTo(1);
        assertThat(sim.counters(shop.shop()).apiCalls()).isEqualTo(4);
    }

    @Test
    void theLimitIsCountedPerShop() {
        for (int i = 0; i < 3; i++) {
            api.get("/products.json");
        }
        var other = sim.createShop(new NewShop("othershop", null));
        Api otherApi = new Api(server.baseUrl() + other.apiBase(), other.apiKey(), other.password());
        assertThat(otherApi.get("/products.json").status()).isEqualTo(200);
    }

    @Test
    void injectedFaultsAnswerTheGivenStatusThenRecover() {
        sim.failNext(shop.shop(), 500, 2);
        assertThat(api.get("/products.json").status()).isEqualTo(500);
        assertThat(api.get("/products.json").status()).isEqualTo(500);
        assertThat(api.get("/products.json").status()).isEqualTo(200);
    }

    @Test
    void unknownShopAndUnknownPathAre404() {
        assertThat(new Api(server.baseUrl() + "/shops/nobody/admin", shop.apiKey(), shop.password())
                .get("/products.json").status()).isEqualTo(404);
        assertThat(api.get("/nothing.json").status()).isEqualTo(404);
    }
}

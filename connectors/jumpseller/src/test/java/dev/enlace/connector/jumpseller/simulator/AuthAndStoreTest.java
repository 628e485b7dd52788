package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.NewStore;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.StoreCredentials;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndStoreTest extends SimulatorTest {

    @Test
    void basicAuthAndDeprecatedQueryAuthBothWork() {
        assertThat(api.get("/store/info.json").status()).isEqualTo(200);

        Api anonymous = new Api(server.baseUrl() + "/v1", (String) null);
        Api.Response viaQuery = anonymous.get("/store/info.json?login=" + store.login() + "&authtoken=" + store.authtoken());
        assertThat(viaQuery.status()).isEqualTo(200);
        assertThat(viaQuery.json().get("code").asText()).isEqualTo("tienda-test");
    }

    @Test
    void bearerTokenOfAnOauthAppAuthenticates() {
        Api oauth = new Api(server.baseUrl() + "/v1", "Bearer " + store.oauthToken());
        assertThat(oauth.get("/products/count.json").status()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsAre401WithMessage() {
        Api wrong = new Api(server.baseUrl() + "/v1",
                new StoreCredentials(store.code(), store.login(), "not-the-token", null, null, null));
        Api.Response r = wrong.get("/products.json");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asText()).isNotBlank();

        Api none = new Api(server.baseUrl() + "/v1", (String) null);
        assertThat(none.get("/products.json").status()).isEqualTo(401);
        assertThat(none.get("/products.json?login=" + store.login()).status()).isEqualTo(401);
    }

    @Test
    void storeInfoIsUnwrappedWithHooksTokenCodeCurrencyAndHonoursFields() {
        JsonNode info = api.get("/store/info.json").json();
        assertThat(info.get("code").asText()).isEqualTo("tienda-test");
        assertThat(info.get("currency").asText()).isEqualTo("CLP");
        assertThat(info.get("hooks_token").asText()).isEqualTo(store.hooksToken());

        JsonNode some = api.get("/store/info.json?fields=hooks_token,currency").json();
        assertThat(some.size()).isEqualTo(2);
        assertThat(some.has("hooks_token")).isTrue();
        assertThat(some.has("currency")).isTrue();
    }

    @Test
    void storesAreIsolatedFromEachOther() {
        StoreCredentials other = sim.createStore(NewStore.withCode("otra-tienda"));
        Api otherApi = new Api(server.baseUrl() + "/v1", other);
        api.post("/products.json", "{\"product\": {\"name\": \"Polera\", \"price\": 9990}}");

        assertThat(api.get("/products/count.json").json().get("count").asInt()).isEqualTo(1);
        assertThat(otherApi.get("/products/count.json").json().get("count").asInt()).isZero();
        assertThat(otherApi.get("/store/info.json").json().get("hooks_token").asText())
                .isNotEqualTo(store.hooksToken());
    }

    @Test
    void writesWithoutJsonContentTypeAreRejected() {
        Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/products.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"product\": {\"name\": \"X\", \"price\": 1}}")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("application/json");
        assertThat(api.get("/products/count.json").json().get("count").asInt()).isZero();
    }

    @Test
    void unknownPathsAre404WithMessage() {
        Api.Response r = api.get("/nothing-here.json");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }
}

package dev.enlace.simulators;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorsAppTest {

    @Test
    void everySimulatorAnswersWithItsOwnApisAuthenticationError() throws Exception {
        try (SimulatorsApp app = SimulatorsApp.start("127.0.0.1", 0, 0, 0, 0)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> bsale = http.send(HttpRequest.newBuilder(
                    URI.create(app.servers().get("bsale").baseUrl() + "/v1/offices.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> jumpseller = http.send(HttpRequest.newBuilder(
                    URI.create(app.servers().get("jumpseller").baseUrl() + "/v1/products.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bsale.statusCode()).isEqualTo(401);
            assertThat(bsale.body()).contains("Sorry, this request can not be authenticated");
            assertThat(jumpseller.statusCode()).isEqualTo(401);
            assertThat(jumpseller.body()).contains("\"message\"");
            HttpResponse<String> relbase = http.send(HttpRequest.newBuilder(
                    URI.create(app.servers().get("relbase").baseUrl() + "/api/v1/productos")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(relbase.statusCode()).isEqualTo(401);
            HttpResponse<String> smarty = http.send(HttpRequest.newBuilder(
                    URI.create(app.servers().get("smarty").baseUrl() + "/titanium/V2/Api/Products/list")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(smarty.statusCode()).isEqualTo(401);
            HttpResponse<String> framework360 = http.send(HttpRequest.newBuilder(
                    URI.create(app.servers().get("framework360").baseUrl() + "/sites/demo/m/api/check")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(framework360.statusCode()).isEqualTo(401);
            assertThat(app.servers()).containsKeys("bsale", "jumpseller", "relbase", "moysklad", "smarty", "framework360");
        }
    }
}

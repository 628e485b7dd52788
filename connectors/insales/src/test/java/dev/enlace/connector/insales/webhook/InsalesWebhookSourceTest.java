package dev.enlace.connector.insales.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.ingress.WebhookDelivery;
import dev.enlace.platform.ingress.WebhookRequest;
import dev.enlace.platform.tenant.Connection;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the body of an inSales webhook says, since inSales names no topic in the request. */
class InsalesWebhookSourceTest {
    private final InsalesWebhookSource source = new InsalesWebhookSource(new ObjectMapper());
    private final Connection connection = new Connection("insales", URI.create("https://shop.myinsales.ru/admin"),
            Map.of(), Map.of());

    private static WebhookRequest request(String body) {
        return new WebhookRequest("insales", "acme", "token", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOrderAtTheRootIsAnOrdersDeliveryKeyedByTheOrder() {
        WebhookDelivery d = source.parse(connection, request("{\"id\":36289,\"number\":2900,\"order_lines\":[]}"));
        assertThat(d.topic()).isEqualTo(InsalesWebhookSource.ORDERS);
        assertThat(d.partitionKey()).isEqualTo("order:36289");
        assertThat(d.coalesceKey()).as("it carries its data").isNull();
    }

    @Test
    void anArrayOfProductsIsAProductsDelivery() {
        WebhookDelivery d = source.parse(connection, request("[{\"id\":408696716,\"title\":\"TEST\",\"variants\":[]}]"));
        assertThat(d.topic()).isEqualTo(InsalesWebhookSource.PRODUCTS);
        assertThat(d.partitionKey()).isEqualTo("product:408696716");
    }

    @Test
    void theSameBodyTwiceIsTheSameDelivery() {
        String body = "{\"id\":1,\"order_lines\":[],\"updated_at\":\"2026-01-01T10:00:00.000+03:00\"}";
        assertThat(source.parse(connection, request(body)).deliveryKey())
                .isEqualTo(source.parse(connection, request(body)).deliveryKey());
    }

    @Test
    void somethingElseIsABadRequest() {
        assertThatThrownBy(() -> source.parse(connection, request("{\"hello\":1}"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> source.parse(connection, request("[]"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> source.parse(connection, request("not json"))).isInstanceOf(ApiException.class);
    }
}

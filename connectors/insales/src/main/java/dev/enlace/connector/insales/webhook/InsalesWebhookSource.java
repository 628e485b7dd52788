package dev.enlace.connector.insales.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.ingress.DeliveryKeys;
import dev.enlace.platform.ingress.WebhookDelivery;
import dev.enlace.platform.ingress.WebhookRequest;
import dev.enlace.platform.ingress.WebhookSource;
import dev.enlace.platform.tenant.Connection;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * inSales signs nothing and names no topic in its requests: {@code orders/create} and
 * {@code orders/update} post the order object itself, product topics post an array of
 * products. The tenant registers {@code /webhooks/insales/<tenant>/<webhookToken>} and the
 * token proves the sender. The topic recorded is what the body is: {@value #ORDERS} or
 * {@value #PRODUCTS}; each delivery carries the full current object, so handlers treat it
 * as "this is the order now" and never depend on telling a create from an update.
 */
@ApplicationScoped
public class InsalesWebhookSource implements WebhookSource {
    public static final String ORDERS = "orders";
    public static final String PRODUCTS = "products";

    private final ObjectMapper mapper;

    public InsalesWebhookSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public void verify(Connection connection, WebhookRequest request) {
        String expected = connection.secret("webhookToken");
        if (request.pathToken() == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), request.pathToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("the URL token does not match this tenant's inSales webhook token");
        }
    }

    @Override
    public WebhookDelivery parse(Connection connection, WebhookRequest request) {
        JsonNode json;
        try {
            json = mapper.readTree(request.body());
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON");
        }
        // the body carries its own updated_at, so an identical body is the same delivery again
        String key = DeliveryKeys.sha256(request.body());
        if (json != null && json.isArray()) {
            if (json.isEmpty() || !json.get(0).hasNonNull("id")) {
                throw ApiException.badRequest("a product webhook is a non-empty array of products with 'id'");
            }
            String partition = json.size() == 1 ? "product:" + json.get(0).get("id").asText() : "products";
            return WebhookDelivery.unique(key, PRODUCTS, partition, request.bodyText());
        }
        if (json != null && json.isObject() && json.hasNonNull("id") && json.has("order_lines")) {
            return WebhookDelivery.unique(key, ORDERS, "order:" + json.get("id").asText(), request.bodyText());
        }
        throw ApiException.badRequest("neither an inSales order (object with 'id' and 'order_lines') nor an array of products");
    }
}

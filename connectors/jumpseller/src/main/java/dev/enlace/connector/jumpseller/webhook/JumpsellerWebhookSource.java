package dev.enlace.connector.jumpseller.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.ingress.DeliveryKeys;
import dev.enlace.platform.ingress.WebhookDelivery;
import dev.enlace.platform.ingress.WebhookRequest;
import dev.enlace.platform.ingress.WebhookSource;
import dev.enlace.platform.tenant.Connection;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Jumpseller signs each hook: {@code Jumpseller-Hmac-Sha256} = base64(HMAC-SHA256(hooks token,
 * raw body)). The body is the wrapped resource ({@code {"order": {...}}}); the event name is in
 * {@code Jumpseller-Event}. Jumpseller gives no delivery id, and {@code order_updated} fires
 * several times per order, so the delivery key is the hash of event and body.
 */
@ApplicationScoped
public class JumpsellerWebhookSource implements WebhookSource {
    static final String SIGNATURE = "Jumpseller-Hmac-Sha256";
    static final String EVENT = "Jumpseller-Event";

    private final ObjectMapper mapper;

    public JumpsellerWebhookSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public void verify(Connection connection, WebhookRequest request) {
        String given = request.header(SIGNATURE)
                .orElseThrow(() -> ApiException.unauthorized("missing " + SIGNATURE + " header"));
        byte[] expected = Base64.getEncoder().encode(hmac(connection.secret("hooksToken"), request.body()));
        if (!MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.unauthorized("the " + SIGNATURE + " signature does not match this tenant's hooks token");
        }
    }

    @Override
    public WebhookDelivery parse(Connection connection, WebhookRequest request) {
        String event = request.header(EVENT).orElseThrow(() -> ApiException.badRequest("missing " + EVENT + " header"));
        JsonNode json;
        try {
            json = mapper.readTree(request.body());
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON");
        }
        String resource = event.startsWith("order_") ? "order" : event.startsWith("product_") ? "product"
                : event.startsWith("customer_") ? "customer" : null;
        if (resource == null) {
            throw ApiException.badRequest("unknown Jumpseller event '" + event + "'");
        }
        JsonNode id = json == null ? null : json.path(resource).get("id");
        if (id == null || id.isNull()) {
            throw ApiException.badRequest("missing field '" + resource + ".id'");
        }
        String key = DeliveryKeys.sha256(event, request.body());
        String partition = resource + ":" + id.asText();
        // order-service reads the order back as the store holds it now, so hooks for an order that already has
        // one waiting (order_pending_payment, order_paid, order_updated arrive together) add nothing: one read
        return "order".equals(resource) ? WebhookDelivery.pointer(key, event, partition, partition, request.bodyText())
                : WebhookDelivery.unique(key, event, partition, request.bodyText());
    }

    static byte[] hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}

package dev.enlace.connector.framework360.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.connector.framework360.client.Framework360Clients;
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
import java.util.HexFormat;

/**
 * Framework360's webhooks, whose format is not public (every detail is in Framework360Guesses): the event name in
 * {@code X-Fw360-Event}, {@code X-Fw360-Signature: sha256=<hex HMAC-SHA256(API key, raw body)>}, and a thin body
 * {@code {"event","data":{"id","status","updated_at"}}}. There is no delivery id; the body carries the order's
 * {@code updated_at}, so event + body identify a delivery and a redelivery is recognised.
 */
@ApplicationScoped
public class Framework360WebhookSource implements WebhookSource {
    private final ObjectMapper mapper;

    public Framework360WebhookSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public void verify(Connection connection, WebhookRequest request) {
        String given = request.header(Framework360Guesses.SIGNATURE_HEADER)
                .orElseThrow(() -> ApiException.unauthorized("missing " + Framework360Guesses.SIGNATURE_HEADER + " header"));
        byte[] expected = (Framework360Guesses.SIGNATURE_PREFIX + HexFormat.of().formatHex(
                hmac(connection.secret("apiKey"), request.body()))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.unauthorized("the " + Framework360Guesses.SIGNATURE_HEADER + " does not match this tenant's API key");
        }
    }

    @Override
    public WebhookDelivery parse(Connection connection, WebhookRequest request) {
        String event = request.header(Framework360Guesses.EVENT_HEADER)
                .orElseThrow(() -> ApiException.badRequest("missing " + Framework360Guesses.EVENT_HEADER + " header"));
        JsonNode json;
        try {
            json = mapper.readTree(request.body());
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON");
        }
        JsonNode id = json == null ? null : json.path("data").get("id");
        if (id == null || id.isNull()) {
            throw ApiException.badRequest("missing field 'data.id'");
        }
        String resource = event.startsWith("order.") ? "order" : "other";
        return WebhookDelivery.unique(DeliveryKeys.sha256(event, request.body()), event, resource + ":" + id.asText(),
                request.bodyText());
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

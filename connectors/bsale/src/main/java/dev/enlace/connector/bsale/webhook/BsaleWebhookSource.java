package dev.enlace.connector.bsale.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.client.BsaleClients;
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
 * Bsale notifications are thin pointers and carry no signature. They are authenticated by a
 * secret token in the URL the tenant gave Bsale, and by the company id in the body.
 */
@ApplicationScoped
public class BsaleWebhookSource implements WebhookSource {
    private final ObjectMapper mapper;

    public BsaleWebhookSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public void verify(Connection connection, WebhookRequest request) {
        String expected = connection.secret("webhookToken");
        if (request.pathToken() == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), request.pathToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("the URL token does not match this tenant's Bsale webhook token");
        }
    }

    @Override
    public WebhookDelivery parse(Connection connection, WebhookRequest request) {
        BsaleNotification notification = read(request.body());
        String company = connection.property("companyId").orElse(null);
        if (company != null && !company.equals(notification.cpnId())) {
            throw ApiException.unauthorized("notification for Bsale company " + notification.cpnId()
                    + ", but this tenant is company " + company);
        }
        // a thin pointer: two real changes in the same second send identical bodies, so it is
        // coalesced with a waiting twin rather than refused as seen before
        String resource = notification.topic() + ":" + notification.resourceId();
        return WebhookDelivery.pointer(DeliveryKeys.sha256(request.body()), notification.topic(), resource,
                resource + ":" + notification.officeId(), request.bodyText());
    }

    private BsaleNotification read(byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        return BsaleNotification.of(json);
    }

}

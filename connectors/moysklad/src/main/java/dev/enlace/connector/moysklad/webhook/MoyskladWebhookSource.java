package dev.enlace.connector.moysklad.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.moysklad.client.MoyskladClients;
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
import java.util.Locale;

/**
 * MoySklad webhooks carry no signature: they are authenticated by a secret token in the URL the
 * tenant registered, and by the {@code accountId} in the body. Two kinds arrive:
 * <ul>
 * <li>the stock webhook ({@code webhookstock}): "stock changed since T", a pointer to current
 * state, coalesced while one waits (topic {@code stock});</li>
 * <li>entity webhooks: {@code events[]} with hrefs only (topic {@code <entityType>.<action>}, e.g.
 * {@code customerorder.update}), each kept once.</li>
 * </ul>
 * Retries reuse the body (and the {@code requestId} query parameter), so the body's hash is the
 * delivery key. Accepted deliveries are answered 200: MoySklad counts 202 as a failure.
 */
@ApplicationScoped
public class MoyskladWebhookSource implements WebhookSource {
    public static final String STOCK_TOPIC = "stock";
    private final ObjectMapper mapper;

    public MoyskladWebhookSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
    }

    @Override
    public int acceptedStatus() {
        return 200;
    }

    @Override
    public void verify(Connection connection, WebhookRequest request) {
        String expected = connection.secret("webhookToken");
        if (request.pathToken() == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                request.pathToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("the URL token does not match this tenant's MoySklad webhook token");
        }
    }

    @Override
    public WebhookDelivery parse(Connection connection, WebhookRequest request) {
        JsonNode json = read(request.body());
        String key = DeliveryKeys.sha256(request.body());
        if (json.has("reportUrl")) {
            StockWebhook hook = StockWebhook.of(json);
            checkAccount(connection, hook.accountId());
            // a waiting delivery covers an earlier "since", so a newer one adds nothing until it is processed
            return WebhookDelivery.pointer(key, STOCK_TOPIC, STOCK_TOPIC, STOCK_TOPIC, request.bodyText());
        }
        JsonNode events = json.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ApiException.badRequest("a MoySklad webhook has either 'reportUrl' or a non-empty 'events' array");
        }
        JsonNode first = events.get(0);
        String type = first.path("meta").path("type").asText("");
        String href = first.path("meta").path("href").asText("");
        String action = first.path("action").asText("");
        if (type.isEmpty() || href.isEmpty() || action.isEmpty()) {
            throw ApiException.badRequest("each event needs meta.type, meta.href and action");
        }
        checkAccount(connection, first.path("accountId").asText(null));
        return WebhookDelivery.unique(key, type + "." + action.toLowerCase(Locale.ROOT), href, request.bodyText());
    }

    private static void checkAccount(Connection connection, String accountId) {
        String expected = connection.property("accountId").orElse(null);
        if (expected != null && !expected.equals(accountId)) {
            throw ApiException.unauthorized("webhook for MoySklad account " + accountId + ", but this tenant is account "
                    + expected);
        }
    }

    private JsonNode read(byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("a MoySklad webhook is a JSON object");
        }
        return json;
    }
}

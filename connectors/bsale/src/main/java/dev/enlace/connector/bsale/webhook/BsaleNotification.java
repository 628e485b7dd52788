package dev.enlace.connector.bsale.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.platform.api.ApiException;

/**
 * A Bsale notification: {@code {"cpnId", "resource", "resourceId", "topic", "action",
 * "officeId", "send"}}. Ids arrive as strings or numbers; both are read as strings.
 */
public record BsaleNotification(String cpnId, String resource, String resourceId, String topic, String action,
        String officeId, Long send) {

    public static BsaleNotification of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("a Bsale notification is a JSON object");
        }
        return new BsaleNotification(required(json, "cpnId"), text(json, "resource"), required(json, "resourceId"),
                required(json, "topic"), text(json, "action"), text(json, "officeId"),
                json.hasNonNull("send") ? json.get("send").asLong() : null);
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}

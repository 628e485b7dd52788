package dev.enlace.connector.moysklad.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.platform.api.ApiException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The stock webhook: {@code {"accountId", "stockType", "reportType", "reportUrl"}}, where
 * {@code reportUrl} is {@code .../report/stock/<all|bystore>/current?changedSince=YYYY-MM-DD HH:MM:SS}
 * (Moscow time; the space may arrive raw or encoded).
 */
public record StockWebhook(String accountId, String stockType, String reportType, String reportUrl,
        String changedSince) {

    public static StockWebhook of(JsonNode json) {
        String accountId = required(json, "accountId");
        String reportUrl = required(json, "reportUrl");
        return new StockWebhook(accountId, json.path("stockType").asText("stock"), json.path("reportType").asText("all"),
                reportUrl, changedSince(reportUrl));
    }

    private static String changedSince(String reportUrl) {
        int query = reportUrl.indexOf('?');
        if (query >= 0) {
            for (String param : reportUrl.substring(query + 1).split("&")) {
                if (param.startsWith("changedSince=")) {
                    String value = URLDecoder.decode(param.substring("changedSince=".length()), StandardCharsets.UTF_8);
                    if (value.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?")) {
                        return value.substring(0, 19);
                    }
                }
            }
        }
        throw ApiException.badRequest("reportUrl has no changedSince=YYYY-MM-DD HH:MM:SS: " + reportUrl);
    }

    private static String required(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw ApiException.badRequest("missing field '" + field + "'");
        }
        return node.asText();
    }
}

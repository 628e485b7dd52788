package dev.enlace.connector.insales.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A webhook subscription ({@code /webhooks.json}); requests wrap it as {@code {"webhook":{…}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InsalesWebhook(Long id, String address, String topic, @JsonProperty("format_type") String formatType) {

    public record Wrapped(InsalesWebhook webhook) {
    }
}

package dev.enlace.connector.framework360.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** The small site-level records: order statuses, payment methods, VAT rates, webhooks. */
public final class Fw360Site {
    private Fw360Site() {
    }

    /** {@code orders/statuses}: ids and names are defined by each site. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(int id, String nome) {
    }

    /** {@code payments/list}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(long id, String nome, Boolean contrassegno) {
    }

    /** {@code payments/taxes}: one VAT rate, e.g. 22. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(long id, String nome, BigDecimal aliquota) {
    }

    /** A webhook as {@code webhooks/create} returns it; {@code created} false when it existed already. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(Long id, String event, String url, Boolean created) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewWebhook(String event, String url) {
    }

    public record WebhookId(long id) {
    }
}

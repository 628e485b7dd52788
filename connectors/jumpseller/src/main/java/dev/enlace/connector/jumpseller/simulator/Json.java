package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** JSON plumbing shared by the resources: Jumpseller's date formats and strict readers for write payloads. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Admin payloads are snake_case like the API they stand beside. */
    static final ObjectMapper ADMIN = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TRIGGERED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BAN_RESET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ObjectNode wrap(String root, JsonNode value) {
        ObjectNode node = object();
        node.set(root, value);
        return node;
    }

    static ObjectNode message(String message) {
        return object().put("message", message);
    }

    /** {@code 2023-02-10 13:56:35 UTC}, the format of every date the API returns. */
    static String date(Instant at) {
        return at == null ? null : DATE.format(at);
    }

    /** {@code 2025-01-01 10:18:51.829 UTC}, the format of the Jumpseller-Triggered-At header. */
    static String triggeredAt(Instant at) {
        return TRIGGERED.format(at);
    }

    /** {@code 2024-05-23T16:13:47+00:00}, the format of Jumpseller-BannedByRateLimit-Reset. */
    static String banReset(Instant at) {
        return BAN_RESET.format(at);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Money is a JSON number; CLP has no decimals, other currencies two. */
    static double money(double value, String currency) {
        int scale = "CLP".equals(currency) ? 0 : 2;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    // Readers for write payloads: a present field is validated, an absent one leaves the value alone.

    static void text(JsonNode in, String field, Consumer<String> target) {
        JsonNode v = in.get(field);
        if (v == null) {
            return;
        }
        if (v.isNull()) {
            target.accept(null);
        } else if (v.isValueNode()) {
            target.accept(v.asText());
        } else {
            throw ApiException.invalid(humanize(field) + " is invalid");
        }
    }

    static void bool(JsonNode in, String field, Consumer<Boolean> target) {
        JsonNode v = in.get(field);
        if (v == null) {
            return;
        }
        if (v.isBoolean()) {
            target.accept(v.booleanValue());
        } else if (v.isTextual() && ("true".equals(v.asText()) || "false".equals(v.asText()))) {
            target.accept(Boolean.parseBoolean(v.asText()));
        } else {
            throw ApiException.invalid(humanize(field) + " must be true or false");
        }
    }

    /** A number, or a numeric string as a Rails app would cast it; null clears the value. */
    static void decimal(JsonNode in, String field, Consumer<Double> target) {
        JsonNode v = in.get(field);
        if (v == null) {
            return;
        }
        if (v.isNull()) {
            target.accept(null);
            return;
        }
        Double parsed = null;
        if (v.isNumber()) {
            parsed = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                parsed = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException ignored) {
                // falls through to the validation error
            }
        }
        if (parsed == null || parsed.isNaN() || parsed.isInfinite() || parsed < 0) {
            throw ApiException.invalid(humanize(field) + " is not a number");
        }
        target.accept(parsed);
    }

    /**
     * An int32 such as {@code stock}: JSON integers, integral numbers like 12.0 and digit strings
     * pass; fractions, text and values outside int32 are a 422.
     */
    static void int32(JsonNode in, String field, Consumer<Integer> target) {
        JsonNode v = in.get(field);
        if (v == null) {
            return;
        }
        BigDecimal value = null;
        if (v.isNumber()) {
            value = v.decimalValue();
        } else if (v.isTextual() && v.asText().trim().matches("-?\\d+")) {
            value = new BigDecimal(v.asText().trim());
        }
        if (value == null || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            throw ApiException.invalid(humanize(field) + " must be an integer");
        }
        target.accept(value.intValueExact());
    }

    static String humanize(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient readers for request bodies: Bsale clients send ids and amounts as numbers or strings. */
final class J {
    private J() {
    }

    static boolean has(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank());
    }

    static String text(JsonNode n, String field, String fallback) {
        return has(n, field) ? n.get(field).asText() : fallback;
    }

    static Long optLong(JsonNode n, String field) {
        if (!has(n, field)) {
            return null;
        }
        JsonNode v = n.get(field);
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + field);
        }
    }

    static double num(JsonNode n, String field, double fallback) {
        if (!has(n, field)) {
            return fallback;
        }
        JsonNode v = n.get(field);
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + field);
        }
    }

    static int flag(JsonNode n, String field, int fallback) {
        return (int) num(n, field, fallback);
    }
}

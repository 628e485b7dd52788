package dev.enlace.platform.ingress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook exactly as it arrived: signatures are checked on these raw bytes, never on
 * re-serialised JSON.
 *
 * @param pathToken the secret token in the URL, for systems that sign nothing (Bsale)
 * @param headers   header names in lower case
 */
public record WebhookRequest(String system, String tenantId, String pathToken,
        Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

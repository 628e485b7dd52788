package dev.enlace.platform.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's account in one external system.
 *
 * @param system      the connector's name, e.g. {@code jumpseller}, {@code bsale}
 * @param baseUrl     the API's root, so that a test or the demo can point at a simulator
 * @param properties  non-secret account settings the connector needs (store code, company id)
 * @param credentials references to the secrets (API keys, webhook tokens), by the connector's names
 */
public record Connection(
        @NotBlank(message = "is required") String system,
        @NotNull(message = "is required") URI baseUrl,
        Map<String, @NotBlank String> properties,
        Map<String, @NotNull SecretRef> credentials) {

    public Connection {
        properties = copy(properties);
        credentials = copy(credentials);
    }

    // Keeps the document's order for readable output; tolerates the null values a refused entry leaves
    // while a document is being read (such a document never becomes a Tenant).
    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /**
     * Reads the named credential's secret now (see {@link SecretRef#resolve()}).
     *
     * @throws SecretUnavailableException if it is not declared, or cannot be read (the message then names the
     *         tenant and the credential); never with the value
     */
    public String secret(String name) {
        SecretRef ref = credentials.get(name);
        if (ref == null) {
            throw new SecretUnavailableException(system + " connection",
                    "no credential '" + name + "' is declared (declared: " + credentials.keySet() + ")");
        }
        return ref.resolve();
    }
}

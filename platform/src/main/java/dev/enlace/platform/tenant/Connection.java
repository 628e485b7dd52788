package dev.enlace.platform.tenant;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

// INTERIM: replaced by the tenancy branch before this lands.
public record Connection(String system, URI baseUrl, Map<String, String> properties, Map<String, String> credentials) {
    public String secret(String name) {
        return credentials.get(name);
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}

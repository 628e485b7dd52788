package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A Framework360 site: the base URL is the site's {@code https://<site>.framework360.site/m/api}, the API key
 * (Integrazioni → Developer) authenticates calls and, as far as is known, signs the site's webhooks.
 */
@ApplicationScoped
public class Framework360Connection implements ConnectionRequirements {
    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public Role role() {
        return Role.STORE;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of("apiKey");
    }

    @Override
    public Set<String> requiredProperties() {
        return Set.of();
    }
}

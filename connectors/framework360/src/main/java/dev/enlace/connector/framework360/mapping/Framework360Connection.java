package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.platform.tenant.DeclaredRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A Framework360 site: the base URL is the site's {@code https://<site>.framework360.site/m/api}, the API key
 * (Integrazioni → Developer) authenticates calls and, as far as is known, signs the site's webhooks.
 */
@ApplicationScoped
public class Framework360Connection extends DeclaredRequirements {
    public Framework360Connection() {
        super(Framework360Clients.SYSTEM, Role.STORE, Set.of("apiKey"), Set.of());
    }
}

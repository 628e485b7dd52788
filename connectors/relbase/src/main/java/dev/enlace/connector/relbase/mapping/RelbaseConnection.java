package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A relBase ERP connection: the company token (from relBase support) and the integration user's
 * token (Configuración → Usuarios). relBase has no webhooks, so there is no webhook secret.
 */
@ApplicationScoped
public class RelbaseConnection implements ConnectionRequirements {
    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Role role() {
        return Role.ERP;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of("companyToken", "userToken");
    }

    @Override
    public Set<String> requiredProperties() {
        return Set.of();
    }
}

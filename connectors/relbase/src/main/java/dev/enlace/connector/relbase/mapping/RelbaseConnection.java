package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.platform.tenant.DeclaredRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A relBase ERP connection: the company token (from relBase support) and the integration user's
 * token (Configuración → Usuarios). relBase has no webhooks, so there is no webhook secret.
 */
@ApplicationScoped
public class RelbaseConnection extends DeclaredRequirements {
    public RelbaseConnection() {
        super(RelbaseClients.SYSTEM, Role.ERP, Set.of("companyToken", "userToken"), Set.of());
    }
}

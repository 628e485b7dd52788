package dev.enlace.connector.smarty.mapping;

import dev.enlace.connector.smarty.client.SmartyClients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A Gestionale Smarty ERP connection: the base URL ({@code https://www.gestionalesmarty.com/titanium/V2/Api})
 * and the API key Smarty provides. Smarty sends no webhooks, so there is no webhook secret: it is polled.
 */
@ApplicationScoped
public class SmartyConnection implements ConnectionRequirements {
    @Override
    public String system() {
        return SmartyClients.SYSTEM;
    }

    @Override
    public Role role() {
        return Role.ERP;
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

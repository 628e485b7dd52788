package dev.enlace.connector.smarty.mapping;

import dev.enlace.connector.smarty.client.SmartyClients;
import dev.enlace.platform.tenant.DeclaredRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A Gestionale Smarty ERP connection: the base URL ({@code https://www.gestionalesmarty.com/titanium/V2/Api})
 * and the API key Smarty provides. Smarty sends no webhooks, so there is no webhook secret: it is polled.
 */
@ApplicationScoped
public class SmartyConnection extends DeclaredRequirements {
    public SmartyConnection() {
        super(SmartyClients.SYSTEM, Role.ERP, Set.of("apiKey"), Set.of());
    }
}

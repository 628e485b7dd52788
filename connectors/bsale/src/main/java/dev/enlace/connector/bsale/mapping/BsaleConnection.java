package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.platform.tenant.DeclaredRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A Bsale ERP connection: the API token, the secret token of the notification URL (Bsale signs
 * nothing) and the company id ({@code cpnId}) notifications must carry.
 */
@ApplicationScoped
public class BsaleConnection extends DeclaredRequirements {
    public BsaleConnection() {
        super(BsaleClients.SYSTEM, Role.ERP, Set.of("accessToken", "webhookToken"), Set.of("companyId"));
    }
}

package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A Bsale ERP connection: the API token, the secret token of the notification URL (Bsale signs
 * nothing) and the company id ({@code cpnId}) notifications must carry.
 */
@ApplicationScoped
public class BsaleConnection implements ConnectionRequirements {
    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public Role role() {
        return Role.ERP;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of("accessToken", "webhookToken");
    }

    @Override
    public Set<String> requiredProperties() {
        return Set.of("companyId");
    }
}

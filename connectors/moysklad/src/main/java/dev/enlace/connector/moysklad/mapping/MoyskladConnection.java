package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A MoySklad ERP connection: a user or solution token ({@code accessToken}; never issued by
 * Enlace, since a new token revokes the user's earlier ones), the secret token of the webhook
 * URLs (MoySklad signs nothing) and the {@code accountId} every webhook carries. Optional
 * properties: {@code skuField} ({@code article}, the default, or {@code code}) and
 * {@code externalIdAttribute} (default {@code inSales product ID}, CA9).
 */
@ApplicationScoped
public class MoyskladConnection implements ConnectionRequirements {
    @Override
    public String system() {
        return MoyskladClients.SYSTEM;
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
        return Set.of("accountId");
    }
}

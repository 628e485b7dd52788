package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladClients;
import dev.enlace.platform.tenant.DeclaredRequirements;
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
public class MoyskladConnection extends DeclaredRequirements {
    public MoyskladConnection() {
        super(MoyskladClients.SYSTEM, Role.ERP, Set.of("accessToken", "webhookToken"), Set.of("accountId"));
    }
}

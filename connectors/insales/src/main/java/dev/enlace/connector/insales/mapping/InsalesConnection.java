package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.platform.tenant.DeclaredRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * An inSales shop: the base URL is the shop's {@code https://<shop>.myinsales.ru/admin}; the app
 * identifier and the shop's password authenticate API calls; inSales signs no webhooks, so
 * the webhook URL carries a secret token.
 */
@ApplicationScoped
public class InsalesConnection extends DeclaredRequirements {
    public InsalesConnection() {
        super(InsalesClients.SYSTEM, Role.STORE, Set.of("apiKey", "password", "webhookToken"), Set.of());
    }
}

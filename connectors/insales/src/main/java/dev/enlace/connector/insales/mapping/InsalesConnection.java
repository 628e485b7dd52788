package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * An inSales shop: the base URL is the shop's {@code https://<shop>.myinsales.ru/admin}; the app
 * identifier and the shop's password authenticate API calls; inSales signs no webhooks, so
 * the webhook URL carries a secret token.
 */
@ApplicationScoped
public class InsalesConnection implements ConnectionRequirements {
    @Override
    public String system() {
        return InsalesClients.SYSTEM;
    }

    @Override
    public Role role() {
        return Role.STORE;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of("apiKey", "password", "webhookToken");
    }

    @Override
    public Set<String> requiredProperties() {
        return Set.of();
    }
}

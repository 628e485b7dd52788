package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A Jumpseller store: API login and token, and the hooks token that signs its webhooks. */
@ApplicationScoped
public class JumpsellerConnection implements ConnectionRequirements {
    @Override
    public String system() {
        return JumpsellerClients.SYSTEM;
    }

    @Override
    public Role role() {
        return Role.STORE;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of("login", "authToken", "hooksToken");
    }

    @Override
    public Set<String> requiredProperties() {
        return Set.of("storeCode");
    }
}

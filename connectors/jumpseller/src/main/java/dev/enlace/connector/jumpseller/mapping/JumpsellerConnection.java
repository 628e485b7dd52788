package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.platform.tenant.DeclaredRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A Jumpseller store: API login and token, and the hooks token that signs its webhooks. */
@ApplicationScoped
public class JumpsellerConnection extends DeclaredRequirements {
    public JumpsellerConnection() {
        super(JumpsellerClients.SYSTEM, Role.STORE, Set.of("login", "authToken", "hooksToken"), Set.of("storeCode"));
    }
}

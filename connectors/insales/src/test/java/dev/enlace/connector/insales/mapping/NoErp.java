package dev.enlace.connector.insales.mapping;

import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A tenant needs an ERP; these store-side tests never call it, so a placeholder system stands in. */
@ApplicationScoped
public class NoErp implements ConnectionRequirements {
    @Override
    public String system() {
        return "noerp";
    }

    @Override
    public Role role() {
        return Role.ERP;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of();
    }

    @Override
    public Set<String> requiredProperties() {
        return Set.of();
    }
}

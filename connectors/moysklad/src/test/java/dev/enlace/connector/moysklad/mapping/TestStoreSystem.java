package dev.enlace.connector.moysklad.mapping;

import dev.enlace.platform.tenant.ConnectionRequirements;
import dev.enlace.platform.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Tenants need a store; no store connector lives in this module, so tests declare a bare one. */
@ApplicationScoped
public class TestStoreSystem implements ConnectionRequirements {
    @Override
    public String system() {
        return "teststore";
    }

    @Override
    public Role role() {
        return Role.STORE;
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

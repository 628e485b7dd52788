package dev.enlace.platform.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

// INTERIM: replaced by the tenancy branch before this lands.
@ApplicationScoped
public class TenantRegistry {
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(tenants.get(id));
    }

    public Collection<Tenant> all() {
        return tenants.values();
    }

    public void put(Tenant t) {
        tenants.put(t.id(), t);
    }
}

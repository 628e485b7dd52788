package dev.enlace.platform.connectors;

import dev.enlace.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the connector capability for a system. */
@ApplicationScoped
public class Connectors {
    private final List<Capability> capabilities;
    /** Asked on every webhook and stock read: the answer never changes while the service runs. */
    private final Map<Lookup, Optional<? extends Capability>> found = new ConcurrentHashMap<>();

    private record Lookup(Class<?> capability, String system) {
    }

    public Connectors(@Any Instance<Capability> capabilities) {
        this.capabilities = capabilities.stream().toList();
    }

    @SuppressWarnings("unchecked")
    public <T extends Capability> Optional<T> find(Class<T> capability, String system) {
        return (Optional<T>) found.computeIfAbsent(new Lookup(capability, system), key -> capabilities.stream()
                .filter(capability::isInstance)
                .filter(c -> c.system().equals(system))
                .map(capability::cast)
                .findFirst());
    }

    /** @throws ApiException 422 when no connector of that system can do it */
    public <T extends Capability> T require(Class<T> capability, String system) {
        return find(capability, system).orElseThrow(() -> ApiException.unprocessable(
                "system '" + system + "' cannot " + capability.getSimpleName()));
    }
}

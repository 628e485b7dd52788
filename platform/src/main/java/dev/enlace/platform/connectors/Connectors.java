package dev.enlace.platform.connectors;

import dev.enlace.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Optional;

/** Finds the connector capability for a system. */
@ApplicationScoped
public class Connectors {
    private final Instance<Capability> capabilities;

    public Connectors(@Any Instance<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public <T extends Capability> Optional<T> find(Class<T> capability, String system) {
        return capabilities.stream()
                .filter(capability::isInstance)
                .filter(c -> c.system().equals(system))
                .map(capability::cast)
                .findFirst();
    }

    /** @throws ApiException 422 when no connector of that system can do it */
    public <T extends Capability> T require(Class<T> capability, String system) {
        return find(capability, system).orElseThrow(() -> ApiException.unprocessable(
                "system '" + system + "' cannot " + capability.getSimpleName()));
    }
}

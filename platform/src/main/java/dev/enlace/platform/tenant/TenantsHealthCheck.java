package dev.enlace.platform.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Readiness of the tenant configuration. DOWN only when no tenant is active and some file has problems: a
 * service with no work because its only tenants are misconfigured. A bad file among good ones leaves it UP
 * (the good tenants must keep being served) and is named in the data; so is an empty directory (nothing to
 * do yet is not a failure).
 */
@Readiness
@ApplicationScoped
public class TenantsHealthCheck implements HealthCheck {

    @Inject
    TenantRegistry registry;

    @Override
    public HealthCheckResponse call() {
        return status(registry.all().size(), registry.filesWithProblems());
    }

    static HealthCheckResponse status(int loaded, List<String> filesWithProblems) {
        return HealthCheckResponse.named("tenants")
                .status(loaded > 0 || filesWithProblems.isEmpty())
                .withData("loaded", loaded)
                .withData("filesWithProblems", String.join(", ", filesWithProblems))
                .build();
    }
}

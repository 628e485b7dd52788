package dev.enlace.platform.tenant;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsHealthCheckTest {

    @Test
    void downOnlyWhenNoTenantLoadedAndProblemsExist() {
        assertThat(TenantsHealthCheck.status(0, List.of("acme.yaml")).getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(TenantsHealthCheck.status(0, List.of()).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(TenantsHealthCheck.status(2, List.of("acme.yaml")).getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void dataNamesTheCountAndTheFilesWithProblems() {
        HealthCheckResponse response = TenantsHealthCheck.status(2, List.of("acme.yaml", "x.yml"));

        assertThat(response.getData()).get().satisfies(data -> {
            assertThat(data).containsEntry("loaded", 2L);
            assertThat(data).containsEntry("filesWithProblems", "acme.yaml, x.yml");
        });
    }
}

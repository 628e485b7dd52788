package dev.enlace.platform.tenant;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared by the tenant tests: the connectors' requirements, a loader, and the fixture files. */
final class TenantFixtures {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** What the connectors would declare; a record is enough to implement the SPI. */
    record Requirements(String system, Role role, Set<String> requiredCredentials, Set<String> requiredProperties)
            implements ConnectionRequirements {
    }

    static final List<ConnectionRequirements> REQUIREMENTS = List.of(
            new Requirements("jumpseller", Role.STORE, Set.of("login", "authToken"), Set.of()),
            new Requirements("bsale", Role.ERP, Set.of("accessToken"), Set.of()),
            new Requirements("escala", Role.CRM, Set.of("apiKey"), Set.of()));

    /** Every secret value in the fixtures starts with this, so a test can tell whether one leaked. */
    static final String SECRET_MARK = "s3cret";

    static final Map<String, String> ENVIRONMENT = Map.of("DEMO_JUMPSELLER_TOKEN", SECRET_MARK + "-env-token");

    private static final List<String> FIXTURE_FILES = List.of("demo.yaml", "secrets/demo-jumpseller-login",
            "secrets/demo-jumpseller-hooks-token", "secrets/demo-bsale-token", "secrets/demo-bsale-webhook-token");

    /** A tenant that needs nothing but its two connections: every setting is left to its default. */
    static final String MINIMAL = """
            id: %s
            timezone: America/Santiago
            store:
              system: jumpseller
              baseUrl: https://api.jumpseller.com/v1
              credentials:
                login: file:secrets/demo-jumpseller-login
                authToken: env:DEMO_JUMPSELLER_TOKEN
            erp:
              system: bsale
              baseUrl: https://api.bsale.io/v1
              credentials:
                accessToken: file:secrets/demo-bsale-token
            """;

    private TenantFixtures() {
    }

    static TenantLoader loader() {
        return new TenantLoader(VALIDATOR, REQUIREMENTS, ENVIRONMENT::get);
    }

    static String minimal(String id) {
        return MINIMAL.formatted(id);
    }

    /** Copies src/test/resources/tenants (the demo tenant and its secret files) into {@code directory}. */
    static void copyFixtures(Path directory) {
        for (String name : FIXTURE_FILES) {
            try (InputStream in = TenantFixtures.class.getResourceAsStream("/tenants/" + name)) {
                Path target = directory.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Path write(Path directory, String fileName, String yaml) {
        try {
            return Files.writeString(directory.resolve(fileName), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

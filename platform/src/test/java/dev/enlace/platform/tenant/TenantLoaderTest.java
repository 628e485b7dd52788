package dev.enlace.platform.tenant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static dev.enlace.platform.tenant.TenantFixtures.SECRET_MARK;
import static dev.enlace.platform.tenant.TenantFixtures.copyFixtures;
import static dev.enlace.platform.tenant.TenantFixtures.minimal;
import static dev.enlace.platform.tenant.TenantFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantLoaderTest {

    @TempDir
    Path dir;

    private final TenantLoader loader = TenantFixtures.loader();

    @BeforeEach
    void fixtures() {
        copyFixtures(dir);
    }

    @Test
    void validTenantFileLoadsWithDefaults() {
        Tenant tenant = loaded(write(dir, "acme.yaml", minimal("acme")));

        assertThat(tenant.name()).isEqualTo("acme");
        assertThat(tenant.crm()).isNull();
        assertThat(tenant.store().properties()).isEmpty();
        TenantSettings settings = tenant.settings();
        assertThat(settings.stock()).isEqualTo(new TenantSettings.Stock(true, List.of(), false, false,
                Duration.ofMinutes(1)));
        assertThat(settings.catalog()).isEqualTo(new TenantSettings.Catalog(true, TenantSettings.Master.ERP, true,
                null));
        assertThat(settings.orders().enabled()).isTrue();
        assertThat(settings.documents().enabled()).as("tax documents are opt-in").isFalse();
        assertThat(settings.documents().mode()).isEqualTo(TenantSettings.DocumentMode.AUTOMATIC);
        assertThat(settings.customers().enabled()).isFalse();
    }

    @Test
    void exampleDocumentLoadsAsWritten() {
        Tenant tenant = loaded(dir.resolve("demo.yaml"));

        assertThat(tenant.id()).isEqualTo("demo");
        assertThat(tenant.name()).isEqualTo("Demo Shop");
        assertThat(tenant.timezone()).isEqualTo(ZoneId.of("America/Santiago"));
        assertThat(tenant.store().system()).isEqualTo("jumpseller");
        assertThat(tenant.store().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8091/jumpseller/v1"));
        assertThat(tenant.store().property("storeCode")).contains("demo-shop");
        assertThat(tenant.erp().property("companyId")).contains("2");
        assertThat(tenant.erp().property("missing")).isEmpty();
        assertThat(tenant.settings().stock().offices()).containsExactly("1");
        assertThat(tenant.settings().stock().erpSalesToStore()).isTrue();
        assertThat(tenant.settings().catalog().priceList()).isEqualTo("1");
        assertThat(tenant.settings().documents()).isEqualTo(new TenantSettings.Documents(true,
                TenantSettings.DocumentMode.AUTOMATIC, "39", "33", "61", "52", "1", "1"));
    }

    @Test
    void secretIsReadFromItsReferenceWhenAsked() {
        Tenant tenant = loaded(dir.resolve("demo.yaml"));

        // file: relative to the tenant file's directory, trailing newline dropped
        assertThat(tenant.erp().secret("accessToken")).isEqualTo(SECRET_MARK + "-bsale-token");
        assertThat(tenant.store().secret("authToken")).isEqualTo(SECRET_MARK + "-env-token");
        assertThatThrownBy(() -> tenant.erp().secret("nope"))
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("'nope'");
    }

    @Test
    void secretLostAfterLoadingNamesTenantAndCredential() throws IOException {
        Tenant tenant = loaded(dir.resolve("demo.yaml"));

        Files.delete(dir.resolve("secrets/demo-bsale-token"));

        assertThatThrownBy(() -> tenant.erp().secret("accessToken"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageStartingWith("tenant demo, erp.credentials.accessToken: file ")
                .hasMessageEndingWith("does not exist or is not a regular file");
    }

    @Test
    void literalSecretIsRefusedNamingFileAndField() {
        Path file = write(dir, "demo.yaml", minimal("demo")
                .replace("accessToken: file:secrets/demo-bsale-token", "accessToken: 9f8e7d6c5b4a"));

        assertThat(problems(file)).containsExactly(
                "demo.yaml: erp.credentials.accessToken: must be env:NAME or file:PATH"
                        + " (secrets are referenced, never written in the document)");
    }

    @Test
    void wrongTypeIsReportedWithItsPath() {
        Path file = write(dir, "acme.yaml", minimal("acme") + """
                settings:
                  stock: { preSale: maybe, pollInterval: soon }
                  documents: { mode: sometimes }
                """);

        assertThat(problems(file)).containsExactly(
                "acme.yaml: settings.stock.preSale: expected a boolean (true or false)",
                "acme.yaml: settings.stock.pollInterval: expected an ISO-8601 duration such as PT1M",
                "acme.yaml: settings.documents.mode: expected one of: automatic, manual");
    }

    @Test
    void constraintViolationIsReportedWithItsPath() {
        Path file = write(dir, "acme.yaml", minimal("acme") + """
                settings:
                  stock: { offices: ["1", ""], pollInterval: PT1S }
                """);

        assertThat(problems(file)).containsExactlyInAnyOrder(
                "acme.yaml: settings.stock.offices[1]: must not be blank",
                "acme.yaml: settings.stock.pollInterval: must be longer than or equal to 10 seconds");
    }

    @Test
    void unknownFieldIsReportedWithItsPath() {
        Path file = write(dir, "acme.yaml", minimal("acme") + "settings: { stock: { presale: true } }\n");

        assertThat(problems(file)).containsExactly("acme.yaml: settings.stock.presale: unknown field;"
                + " known: enabled, erpSalesToStore, offices, pollInterval, preSale");
    }

    @Test
    void idMustMatchFileName() {
        Path file = write(dir, "x.yaml", minimal("y"));

        assertThat(problems(file)).containsExactly("x.yaml: id: \"y\" does not match the file name");
    }

    @Test
    void missingEnvSecretIsAProblem() {
        Path file = write(dir, "acme.yaml", minimal("acme").replace("DEMO_JUMPSELLER_TOKEN", "ACME_TOKEN"));

        assertThat(problems(file)).containsExactly(
                "acme.yaml: store.credentials.authToken: environment variable ACME_TOKEN is not set");
    }

    @Test
    void missingSecretFileIsAProblem() {
        Path file = write(dir, "acme.yaml", minimal("acme").replace("secrets/demo-bsale-token", "secrets/acme"));

        assertThat(problems(file)).containsExactly("acme.yaml: erp.credentials.accessToken: file "
                + dir.resolve("secrets/acme").toAbsolutePath() + " does not exist or is not a regular file");
    }

    @Test
    void secretLookingPropertyIsRefused() {
        Path file = write(dir, "acme.yaml", minimal("acme").replace("erp:", """
                  properties: { apiKey: abc123 }
                erp:"""));

        assertThat(problems(file)).singleElement().asString()
                .startsWith("acme.yaml: store.properties.apiKey: looks like a secret").doesNotContain("abc123");
    }

    @Test
    void secretsNeverAppearInToString() {
        Tenant tenant = loaded(dir.resolve("demo.yaml"));
        Path literal = write(dir, "acme.yaml", minimal("acme")
                .replace("file:secrets/demo-bsale-token", SECRET_MARK + "-written-in-the-document"));

        assertThat(tenant.erp().secret("webhookToken")).startsWith(SECRET_MARK);
        assertThat(tenant.toString()).contains("env:DEMO_JUMPSELLER_TOKEN", "secrets/demo-bsale-token")
                .doesNotContain(SECRET_MARK);
        assertThat(problems(literal).toString()).doesNotContain(SECRET_MARK);
    }

    @Test
    void connectionMissingARequiredCredentialIsRefused() {
        Path file = write(dir, "acme.yaml", minimal("acme").replace("accessToken:", "webhookToken:"));

        assertThat(problems(file)).containsExactly("acme.yaml: erp.credentials.accessToken: is required by bsale");
    }

    @Test
    void erpSystemInStoreRoleIsRefused() {
        Path file = write(dir, "acme.yaml", minimal("acme").replace("system: jumpseller", "system: bsale"));

        assertThat(problems(file)).containsExactly(
                "acme.yaml: store.system: bsale cannot be the store (it connects as: erp)");
    }

    @Test
    void unknownSystemIsRefused() {
        Path file = write(dir, "acme.yaml", minimal("acme").replace("system: bsale", "system: sap"));

        assertThat(problems(file)).containsExactly(
                "acme.yaml: erp.system: unknown system \"sap\" (known: bsale, escala, jumpseller)");
    }

    @Test
    void malformedYamlReportsLine() {
        Path file = write(dir, "acme.yaml", """
                id: acme
                store: { system: jumpseller
                erp: x
                """);

        assertThat(problems(file)).singleElement().asString().startsWith("acme.yaml: line 3, column ");
    }

    @Test
    void keyWrittenTwiceIsRefused() {
        Path file = write(dir, "acme.yaml", minimal("acme") + "timezone: UTC\n");

        assertThat(problems(file)).singleElement().asString()
                .startsWith("acme.yaml: line 14, column ").endsWith("Duplicate field 'timezone'");
    }

    @Test
    void requiredFieldsAreNamed() {
        Path file = write(dir, "acme.yaml", "id: acme\n");

        assertThat(problems(file)).containsExactlyInAnyOrder("acme.yaml: timezone: is required",
                "acme.yaml: store: is required", "acme.yaml: erp: is required");
    }

    private Tenant loaded(Path file) {
        LoadResult result = loader.load(file);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).tenant();
    }

    private List<String> problems(Path file) {
        LoadResult result = loader.load(file);
        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) result).problems().stream().map(TenantProblem::toString).toList();
    }
}

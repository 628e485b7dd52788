package dev.enlace.platform.tenant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;

import static dev.enlace.platform.tenant.TenantFixtures.copyFixtures;
import static dev.enlace.platform.tenant.TenantFixtures.minimal;
import static dev.enlace.platform.tenant.TenantFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

class TenantDirectoryTest {

    @TempDir
    Path dir;

    private TenantDirectory tenants;

    @BeforeEach
    void fixtures() {
        copyFixtures(dir);
        tenants = new TenantDirectory(dir, TenantFixtures.loader());
    }

    @Test
    void startupScanAddsEveryValidTenant() {
        write(dir, "acme.yaml", minimal("acme"));
        write(dir, "README.md", "not a tenant");

        TenantsChanged changed = tenants.rescan();

        assertThat(changed).isEqualTo(new TenantsChanged(Set.of("acme", "demo"), Set.of(), Set.of()));
        assertThat(tenants.all()).extracting(Tenant::id).containsExactly("acme", "demo");
        assertThat(tenants.find("demo")).isPresent();
        assertThat(tenants.problems()).isEmpty();
    }

    @Test
    void badTenantDoesNotStopTheOthers() {
        write(dir, "acme.yaml", minimal("acme"));
        write(dir, "broken.yaml", minimal("broken").replace("timezone: America/Santiago", "timezone: Nowhere"));

        TenantsChanged changed = tenants.rescan();

        assertThat(changed.added()).containsExactly("acme", "demo");
        assertThat(tenants.find("broken")).isEmpty();
        assertThat(tenants.problems()).extracting(TenantProblem::toString)
                .containsExactly("broken.yaml: timezone: expected a time zone such as America/Santiago");
    }

    @Test
    void changedFileIsReloadedAndAnnounced() throws IOException {
        Path acme = write(dir, "acme.yaml", minimal("acme"));
        tenants.rescan();

        rewrite(acme, minimal("acme") + "name: ACME Ltda.\n");

        assertThat(tenants.rescan()).isEqualTo(new TenantsChanged(Set.of(), Set.of("acme"), Set.of()));
        assertThat(tenants.find("acme")).get().extracting(Tenant::name).isEqualTo("ACME Ltda.");
    }

    @Test
    void touchedButUnchangedFileIsNotAnnounced() throws IOException {
        Path acme = write(dir, "acme.yaml", minimal("acme"));
        tenants.rescan();

        rewrite(acme, "# reformatted\n" + minimal("acme"));

        assertThat(tenants.rescan().isEmpty()).isTrue();
    }

    @Test
    void deletedFileRemovesTheTenant() throws IOException {
        Path acme = write(dir, "acme.yaml", minimal("acme"));
        tenants.rescan();

        Files.delete(acme);

        assertThat(tenants.rescan()).isEqualTo(new TenantsChanged(Set.of(), Set.of(), Set.of("acme")));
        assertThat(tenants.find("acme")).isEmpty();
    }

    @Test
    void invalidChangeKeepsLastGoodVersion() throws IOException {
        Path acme = write(dir, "acme.yaml", minimal("acme"));
        tenants.rescan();
        Tenant good = tenants.find("acme").orElseThrow();

        rewrite(acme, minimal("acme") + "settings: { stock: { preSale: si } }\n");

        assertThat(tenants.rescan().isEmpty()).as("nothing announced").isTrue();
        assertThat(tenants.find("acme")).contains(good);
        assertThat(tenants.problems()).extracting(TenantProblem::toString)
                .containsExactly("acme.yaml: settings.stock.preSale: expected a boolean (true or false)");

        rewrite(acme, minimal("acme") + "settings: { stock: { preSale: true } }\n");

        assertThat(tenants.rescan().updated()).containsExactly("acme");
        assertThat(tenants.find("acme").orElseThrow().settings().stock().preSale()).isTrue();
        assertThat(tenants.problems()).isEmpty();
    }

    @Test
    void secretAppearingLaterBringsTheTenantIn() throws IOException {
        write(dir, "acme.yaml", minimal("acme").replace("secrets/demo-bsale-token", "secrets/acme-bsale-token"));
        tenants.rescan();
        assertThat(tenants.find("acme")).isEmpty();

        // the document is untouched: only the mounted secret appears
        Files.writeString(dir.resolve("secrets/acme-bsale-token"), "token\n");

        assertThat(tenants.rescan().added()).containsExactly("acme");
        assertThat(tenants.problems()).isEmpty();
    }

    @Test
    void ymlBesideYamlForTheSameTenantIsIgnored() {
        write(dir, "demo.yml", minimal("demo"));

        tenants.rescan();

        assertThat(tenants.find("demo")).get().extracting(Tenant::name).isEqualTo("Demo Shop");
        assertThat(tenants.problems()).extracting(TenantProblem::toString)
                .containsExactly("demo.yml: ignored: demo.yaml declares the same tenant");
    }

    @Test
    void unlistableDirectoryKeepsTheTenants() throws IOException {
        tenants.rescan();
        Path moved = Files.move(dir, dir.resolveSibling(dir.getFileName() + "-moved"));
        try {
            assertThat(tenants.rescan().isEmpty()).isTrue();
            assertThat(tenants.find("demo")).isPresent();
            assertThat(tenants.problems()).singleElement().extracting(TenantProblem::message).asString()
                    .startsWith("cannot be listed (NoSuchFileException)");
        } finally {
            Files.move(moved, dir);
        }
    }

    /** Writes new content with a later modification time, as an editor would after the last scan. */
    private static void rewrite(Path file, String content) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(2)));
    }
}

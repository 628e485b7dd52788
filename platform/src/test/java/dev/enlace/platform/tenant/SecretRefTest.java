package dev.enlace.platform.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretRefTest {

    @TempDir
    Path dir;

    @Test
    void fileSecretIsReadAgainAtEachCallSoRotationNeedsNoReload() throws IOException {
        Files.writeString(dir.resolve("token"), "first\n");
        SecretRef ref = SecretRef.parse("file:token", dir);
        assertThat(ref.resolve()).isEqualTo("first");

        Files.writeString(dir.resolve("token"), "second\n");

        assertThat(ref.resolve()).isEqualTo("second");
        assertThat(ref).hasToString("file:" + dir.resolve("token").toAbsolutePath());
    }

    @Test
    void anythingButAReferenceIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SecretRef.parse("ab12-literal-key", dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be env:NAME or file:PATH");
        assertThatThrownBy(() -> SecretRef.parse("env:NOT-A-NAME", dir)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretRef.parse("file:", dir)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptySecretIsUnavailable() throws IOException {
        Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> SecretRef.parse("file:empty", dir).resolve())
                .isInstanceOf(SecretUnavailableException.class).hasMessageEndingWith(" is empty");
    }
}

package dev.enlace.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed schemas are the ones the records generate, so a change to a record cannot
 * reach consumers without a reviewed change to its schema.
 */
class JsonSchemasMatchEventRecordsTest {

    private static final boolean UPDATE = Boolean.getBoolean("schemas.update");
    private final EventSchemas schemas = new EventSchemas();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSchemaIsTheOneGeneratedFromTheRecord(EventType eventType) throws IOException {
        String generated = schemas.generate(eventType);
        Path file = EventSchemas.committedFile(eventType);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
        }
        assertThat(file)
                .as("%s is missing; run `./mvnw test -pl events -Dschemas.update=true` and commit it", file)
                .exists();
        assertThat(Files.readString(file))
                .as("%s is out of date with %s; run `./mvnw test -pl events -Dschemas.update=true`,"
                        + " review the diff (additive changes only within v1) and commit it",
                        file, eventType.dataClass().getSimpleName())
                .isEqualTo(generated);
    }
}

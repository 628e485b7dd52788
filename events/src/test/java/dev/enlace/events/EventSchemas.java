package dev.enlace.events;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the JSON Schema (draft 2020-12) of each event from its record, with the Jackson
 * rules the services serialise by. The rules that are ours, not the generator's:
 * <ul>
 * <li>every property is required: producers write null rather than leave a property out;</li>
 * <li>a property may be null exactly when the record's constructor accepts null for it
 * (see {@link Samples#acceptsNull}); tenant, identifiers and event times never are;</li>
 * <li>additionalProperties is true everywhere: within a version, events only gain properties;</li>
 * <li>titles are the record names, descriptions come from the records' Javadoc.</li>
 * </ul>
 */
final class EventSchemas {

    /** The module directory: surefire sets basedir; elsewhere tests run in the module. */
    static final Path MODULE = Path.of(System.getProperty("basedir", ""));
    /** Where the schemas are committed. */
    static final Path COMMITTED = MODULE.resolve("src/main/resources");
    static final String ID_BASE = "https://enlace.dev";

    private static final String TENANT_DESCRIPTION =
            "the tenant (one business) the event belongs to; equal to the ce_tenant header";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final SchemaGenerator generator = new SchemaGenerator(config());

    /** The schema file's content: pretty-printed, LF line ends, a final newline. */
    String generate(EventType eventType) {
        ObjectNode generated = generator.generateSchema(eventType.dataClass());
        generated.put("$id", ID_BASE + eventType.schemaResource());
        ObjectNode schema = readerFirst(generated);
        JsonNode defs = schema.remove("$defs");
        if (defs != null) {
            ObjectNode orderedDefs = schema.putObject("$defs");
            defs.properties().forEach(def -> orderedDefs.set(def.getKey(), readerFirst((ObjectNode) def.getValue())));
        }
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(schema) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Identification and prose first, definitions last: the order a reader of a diff wants. */
    private static ObjectNode readerFirst(ObjectNode schema) {
        ObjectNode ordered = MAPPER.createObjectNode();
        for (String key : List.of("$schema", "$id", "title", "description")) {
            if (schema.has(key)) {
                ordered.set(key, schema.get(key));
            }
        }
        schema.properties().forEach(entry -> ordered.putIfAbsent(entry.getKey(), entry.getValue()));
        return ordered;
    }

    static Path committedFile(EventType eventType) {
        return COMMITTED.resolve(eventType.schemaResource().substring(1));
    }

    private static SchemaGeneratorConfig config() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.STANDARD_FORMATS, Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.INLINE_NULLABLE_SCHEMAS);
        builder.forFields()
                .withRequiredCheck(field -> true)
                .withNullableCheck(EventSchemas::nullable)
                .withDescriptionResolver(EventSchemas::description);
        builder.forTypesInGeneral()
                .withPropertySorter(inDeclarationOrder())
                .withTitleResolver(scope -> isContractType(scope.getType().getErasedType())
                        ? scope.getType().getErasedType().getSimpleName() : null)
                .withDescriptionResolver(scope -> isContractType(scope.getType().getErasedType())
                        ? Javadocs.of(scope.getType().getErasedType()).summary() : null)
                .withTypeAttributeOverride((node, scope, context) -> {
                    if (scope.getType().getErasedType().isRecord()) {
                        node.put("additionalProperties", true);
                    }
                });
        return builder.build();
    }

    private static boolean isContractType(Class<?> type) {
        return (type.isRecord() || type.isEnum()) && type.getPackage() == EventType.class.getPackage();
    }

    private static Boolean nullable(FieldScope field) {
        return Samples.acceptsNull(component(field));
    }

    private static String description(FieldScope field) {
        if (field.isFakeContainerItemScope()) {
            return null; // the list's description, not each element's
        }
        if (field.getName().equals("tenant")) {
            return TENANT_DESCRIPTION;
        }
        return Javadocs.of(field.getDeclaringType().getErasedType()).params().get(field.getName());
    }

    /** Record component order, which is also the order Jackson writes the properties in. */
    private static Comparator<MemberScope<?, ?>> inDeclarationOrder() {
        return Comparator.comparingInt(member -> {
            List<String> names = Arrays.stream(member.getDeclaringType().getErasedType().getRecordComponents())
                    .map(RecordComponent::getName).toList();
            return names.indexOf(member.getName());
        });
    }

    private static RecordComponent component(FieldScope field) {
        return Arrays.stream(field.getDeclaringType().getErasedType().getRecordComponents())
                .filter(c -> c.getName().equals(field.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("not a record component: " + field));
    }
}

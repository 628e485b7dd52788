package dev.enlace.platform.tenant;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one tenant document ({@code <id>.yaml} or {@code <id>.yml}) into a {@link Tenant}, or into every
 * problem found in it, each naming the file and the field. Checks, in order: YAML syntax (with line and
 * column), field names and types, Bean Validation constraints, that the {@code id} matches the file name,
 * each connection against its connector's {@link ConnectionRequirements}, and that every referenced secret
 * can be read now. A field already reported is not reported again by a later check.
 *
 * <p>Pure: no CDI, no state between calls; safe to share between threads.
 */
public final class TenantLoader {

    // A property that looks like this is a secret written in the wrong place: refuse it rather than log it.
    private static final Pattern SECRET_LIKE_NAME =
            Pattern.compile("(?i).*(token|secret|passw|api[-_]?key|private[-_]?key).*");

    private final Validator validator;
    private final Map<String, Map<Role, ConnectionRequirements>> requirements = new HashMap<>();
    private final Function<String, String> environment;
    private final ObjectReader reader;

    /**
     * @param requirements one per (system, role) a connector supports
     * @param environment  environment variables by name ({@code System::getenv} outside tests)
     */
    public TenantLoader(Validator validator, Collection<? extends ConnectionRequirements> requirements,
            Function<String, String> environment) {
        this.validator = validator;
        this.environment = environment;
        for (ConnectionRequirements r : requirements) {
            ConnectionRequirements previous = this.requirements
                    .computeIfAbsent(r.system(), s -> new EnumMap<>(Role.class)).put(r.role(), r);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "two ConnectionRequirements for " + r.system() + " as " + r.role().section());
            }
        }
        YAMLMapper mapper = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule().addDeserializer(SecretRef.class, new SecretRefDeserializer()))
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A key written twice would otherwise silently keep the last value.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addHandler(new ProblemCollector())
                .build();
        // `preSale: 1` is more likely a slip than a choice.
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        this.reader = mapper.readerFor(Tenant.class);
    }

    /** Whether {@code file}'s name is that of a tenant document ({@code .yaml} or {@code .yml}, not hidden). */
    public static boolean isTenantFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** The tenant id a document's file name declares: the name without {@code .yaml} / {@code .yml}. */
    public static String tenantId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    public LoadResult load(Path file) {
        Problems problems = new Problems(file.getFileName().toString());
        Tenant tenant = read(file, problems);
        if (tenant != null) {
            validate(tenant, problems);
            if (tenant.id() != null && !tenant.id().equals(tenantId(file))) {
                problems.add("id", "\"" + tenant.id() + "\" does not match the file name");
            }
            for (Role role : Role.values()) {
                tenant.connection(role).ifPresent(c -> checkConnection(role, c, problems));
            }
        } else if (problems.isEmpty()) {
            problems.add(null, "must be a mapping of tenant fields");
        }
        return problems.isEmpty() ? new LoadResult.Loaded(tenant) : new LoadResult.Failed(problems.list);
    }

    private Tenant read(Path file, Problems problems) {
        ReadContext context = new ReadContext(tenantId(file), file.toAbsolutePath().getParent(), problems);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = reader.createParser(in)) {
            if (parser.nextToken() == null) {
                problems.add(null, "is empty");
                return null;
            }
            Tenant tenant = reader.withAttribute(ReadContext.class, context).readValue(parser);
            if (parser.nextToken() != null) {
                problems.add(null, "holds more than one YAML document; one tenant per file");
            }
            return tenant;
        } catch (JsonProcessingException e) {
            Optional<StreamReadException> syntax = causes(e, StreamReadException.class);
            if (syntax.isPresent()) {
                problems.add(null, syntaxError(syntax.get()));
            } else {
                // Jackson's message may quote the value: say only where, and what was expected.
                String field = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : null;
                problems.add(field, e instanceof MismatchedInputException m && m.getTargetType() != null
                        ? expected(m.getTargetType()) : "is invalid");
            }
        } catch (IOException e) {
            problems.add(null, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return null;
    }

    // SnakeYAML's full message quotes the offending line, which may hold a secret: keep position and cause.
    // Jackson's own (a duplicate key) names the key only.
    private static String syntaxError(StreamReadException e) {
        JsonLocation where = e.getLocation();
        String what = causes(e, MarkedYAMLException.class).map(MarkedYAMLException::getProblem)
                .orElse(e.getOriginalMessage());
        return where == null ? what : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + what;
    }

    private static <T extends Throwable> Optional<T> causes(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private void validate(Tenant tenant, Problems problems) {
        validator.validate(tenant).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(path(v), v.getMessage()));
    }

    private void checkConnection(Role role, Connection connection, Problems problems) {
        String section = role.section();
        checkBaseUrl(section, connection.baseUrl(), problems);
        connection.properties().keySet().stream()
                .filter(name -> SECRET_LIKE_NAME.matcher(name).matches())
                .forEach(name -> problems.add(section + ".properties." + name,
                        "looks like a secret: declare it under credentials as env:NAME or file:PATH"));
        connection.credentials().forEach((name, ref) -> {
            try {
                if (ref != null) { // null: refused while reading, already reported
                    ref.resolve();
                }
            } catch (SecretUnavailableException e) {
                problems.add(section + ".credentials." + name, e.reason());
            }
        });
        requirementsOf(role, connection, problems).ifPresent(required -> {
            required.requiredCredentials().stream().sorted()
                    .filter(name -> !connection.credentials().containsKey(name))
                    .forEach(name -> problems.add(section + ".credentials." + name,
                            "is required by " + connection.system()));
            required.requiredProperties().stream().sorted()
                    .filter(name -> !connection.properties().containsKey(name))
                    .forEach(name -> problems.add(section + ".properties." + name,
                            "is required by " + connection.system()));
        });
    }

    private Optional<ConnectionRequirements> requirementsOf(Role role, Connection connection, Problems problems) {
        if (connection.system() == null) {
            return Optional.empty();
        }
        Map<Role, ConnectionRequirements> roles = requirements.get(connection.system());
        if (roles == null) {
            String known = requirements.isEmpty() ? "none installed" : "known: " + String.join(", ",
                    new TreeSet<>(requirements.keySet()));
            problems.add(role.section() + ".system", "unknown system \"" + connection.system() + "\" (" + known + ")");
            return Optional.empty();
        }
        if (!roles.containsKey(role)) {
            String playable = roles.keySet().stream().map(Role::section).collect(Collectors.joining(", "));
            problems.add(role.section() + ".system",
                    connection.system() + " cannot be the " + role.section() + " (it connects as: " + playable + ")");
            return Optional.empty();
        }
        return Optional.of(roles.get(role));
    }

    private static void checkBaseUrl(String section, URI url, Problems problems) {
        if (url == null) {
            return;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            problems.add(section + ".baseUrl", "must be an absolute http or https URL");
        } else if (url.getUserInfo() != null) {
            problems.add(section + ".baseUrl", "must not contain a user or password; use credentials");
        }
    }

    /** What a field of {@code type} should hold, for a person editing YAML. */
    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "expected a boolean (true or false)";
        } else if (type == Duration.class) {
            return "expected an ISO-8601 duration such as PT1M";
        } else if (ZoneId.class.isAssignableFrom(type)) {
            return "expected a time zone such as America/Santiago";
        } else if (type == URI.class) {
            return "expected a URL";
        } else if (type.isEnum()) {
            return "expected one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        } else if (type == String.class) {
            return "expected a single value";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "expected a number";
        }
        return "expected a mapping of fields";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            appendSegment(path, ref.getFieldName(), ref.getIndex());
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String path(JsonParser parser) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            appendSegment(path, c.inObject() ? c.getCurrentName() : null, c.inArray() ? c.getCurrentIndex() : -1);
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String path(ConstraintViolation<Tenant> violation) {
        StringBuilder path = new StringBuilder();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                appendSegment(path, node.getKey() == null ? null : node.getKey().toString(),
                        node.getIndex() == null ? -1 : node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                appendSegment(path, node.getName(), -1);
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static void appendSegment(StringBuilder path, String name, int index) {
        if (name != null) {
            path.append(path.isEmpty() ? "" : ".").append(name);
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }

    /** What the Jackson callbacks need to know about the document being read. */
    private record ReadContext(String tenantId, Path directory, Problems problems) {

        static ReadContext of(DeserializationContext ctxt) {
            return (ReadContext) ctxt.getAttribute(ReadContext.class);
        }
    }

    /** The problems of one file, in the order found; a field is reported once, by the first check to fail. */
    private static final class Problems {
        private final String file;
        private final List<TenantProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(String field, String message) {
            if (field == null || list.stream().noneMatch(p -> covers(p.field(), field))) {
                list.add(new TenantProblem(file, field, message));
            }
        }

        private static boolean covers(String reported, String field) {
            return reported != null && (field.equals(reported) || field.startsWith(reported + ".")
                    || field.startsWith(reported + "["));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }

    /**
     * Turns what Jackson would throw at the first mistake into a problem, and carries on with the rest of
     * the document: the field is left empty, and the document is refused in the end.
     */
    private static final class ProblemCollector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            String known = deserializer.getKnownPropertyNames().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            ReadContext.of(ctxt).problems().add(path(p), "unknown field" + (known.isEmpty() ? "" : "; known: " + known));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return report(ctxt, ctxt.getParser(), targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            return report(ctxt, ctxt.getParser(), targetType);
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                JsonParser p, String failureMsg) throws IOException {
            p.skipChildren();
            return report(ctxt, p, targetType.getRawClass());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator instantiator, JsonParser p, String msg) throws IOException {
            p.skipChildren();
            return report(ctxt, p, instClass);
        }

        private static Object report(DeserializationContext ctxt, JsonParser p, Class<?> targetType) {
            ReadContext.of(ctxt).problems().add(path(p), expected(targetType));
            return null;
        }
    }

    /**
     * Reads {@code env:NAME} / {@code file:PATH}. Anything else is refused without being repeated, since it is
     * most likely the secret itself.
     */
    private final class SecretRefDeserializer extends StdDeserializer<SecretRef> {

        SecretRefDeserializer() {
            super(SecretRef.class);
        }

        @Override
        public SecretRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            ReadContext context = ReadContext.of(ctxt);
            String field = path(p);
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return SecretRef.parse(p.getText(), context.directory(), environment,
                            "tenant " + context.tenantId() + ", " + field);
                } catch (IllegalArgumentException e) {
                    // falls through to the refusal below
                }
            }
            p.skipChildren();
            context.problems().add(field,
                    "must be env:NAME or file:PATH (secrets are referenced, never written in the document)");
            return null;
        }
    }
}

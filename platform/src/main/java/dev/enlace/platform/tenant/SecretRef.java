package dev.enlace.platform.tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a credential lives: {@code env:NAME} (an environment variable) or {@code file:PATH} (a file, such as
 * a mounted Kubernetes Secret; a relative path is resolved against the tenant document's directory). The
 * tenant document only ever holds the reference.
 *
 * <p>The value is read at each {@link #resolve()}, so a rotated Secret file takes effect without reloading
 * the tenant. Equality and {@link #toString()} cover the reference only, never the value.
 */
public final class SecretRef {

    private enum Kind { ENV, FILE }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // A secret file is a token or key: anything larger is a wrong path (a directory's archive, a device).
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private final Kind kind;
    /** The environment variable's name, or the file's absolute path. */
    private final String target;
    private final Function<String, String> environment;
    private final String origin;

    private SecretRef(Kind kind, String target, Function<String, String> environment, String origin) {
        this.kind = kind;
        this.target = target;
        this.environment = environment;
        this.origin = origin;
    }

    /**
     * Parses {@code env:NAME} or {@code file:PATH}, reading environment variables from the process.
     *
     * @throws IllegalArgumentException if {@code reference} is neither; the message does not repeat it, as it
     *         may be a secret written in the wrong place
     */
    public static SecretRef parse(String reference, Path baseDirectory) {
        return parse(reference, baseDirectory, System::getenv, "secret reference");
    }

    /**
     * As {@link #parse(String, Path)}, with the environment to read and the place the reference was declared
     * (named in errors, e.g. {@code tenant demo, erp.credentials.accessToken}).
     */
    static SecretRef parse(String reference, Path baseDirectory, Function<String, String> environment,
            String origin) {
        if (reference != null && reference.startsWith("env:")) {
            String name = reference.substring("env:".length());
            if (ENV_NAME.matcher(name).matches()) {
                return new SecretRef(Kind.ENV, name, environment, origin);
            }
        } else if (reference != null && reference.startsWith("file:")) {
            String path = reference.substring("file:".length()).strip();
            if (!path.isEmpty()) {
                String absolute = baseDirectory.resolve(path).toAbsolutePath().normalize().toString();
                return new SecretRef(Kind.FILE, absolute, environment, origin);
            }
        }
        throw new IllegalArgumentException("must be env:NAME or file:PATH");
    }

    /**
     * Reads the secret now, without surrounding whitespace (a file usually ends with a newline).
     *
     * @throws SecretUnavailableException if the variable is unset, the file unreadable, or the value empty
     */
    public String resolve() {
        String value = kind == Kind.ENV ? readEnvironment() : readFile();
        if (value.isBlank()) {
            throw unavailable(describe() + " is empty");
        }
        return value.strip();
    }

    private String readEnvironment() {
        String value = environment.apply(target);
        if (value == null) {
            throw unavailable(describe() + " is not set");
        }
        return value;
    }

    private String readFile() {
        Path file = Path.of(target);
        try {
            if (!Files.isRegularFile(file)) {
                throw unavailable(describe() + " does not exist or is not a regular file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw unavailable(describe() + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The exception's own message names the path only; its class says what went wrong.
            throw unavailable(describe() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String describe() {
        return kind == Kind.ENV ? "environment variable " + target : "file " + target;
    }

    private SecretUnavailableException unavailable(String reason) {
        return new SecretUnavailableException(origin, reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRef that && kind == that.kind && target.equals(that.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, target);
    }

    /** The reference as written ({@code env:NAME}, or {@code file:} with the absolute path); never the value. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + target;
    }
}

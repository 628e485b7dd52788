package dev.enlace.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Javadoc of the contract's records and enums from their source files, so the
 * schema descriptions have one source: the code a producer reads.
 */
final class Javadocs {

    private static final Path SOURCES = EventSchemas.MODULE.resolve("src/main/java");
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=\\n@|\\z)", Pattern.DOTALL);
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|literal)\\s+([^}]*)}");

    record Javadoc(String summary, Map<String, String> params) {
    }

    private Javadocs() {
    }

    static Javadoc of(Class<?> type) {
        Class<?> outermost = type;
        while (outermost.getEnclosingClass() != null) {
            outermost = outermost.getEnclosingClass();
        }
        Path file = SOURCES.resolve(outermost.getName().replace('.', '/') + ".java");
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + type.getName(), e);
        }
        // the comment may not contain "*/", so it is the one right before the declaration
        Matcher comment = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public\\s+(?:static\\s+)?(?:record|enum)\\s+"
                + type.getSimpleName() + "\\b", Pattern.DOTALL).matcher(source);
        if (!comment.find()) {
            return new Javadoc(null, Map.of());
        }
        String text = comment.group(1).replaceAll("(?m)^\\s*\\*\\s?", "").strip();
        int firstTag = text.indexOf("\n@");
        String summary = firstTag < 0 ? text : text.substring(0, firstTag);
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(firstTag < 0 ? "" : text.substring(firstTag + 1));
        while (param.find()) {
            params.put(param.group(1), plain(param.group(2)));
        }
        return new Javadoc(plain(summary), params);
    }

    private static String plain(String javadoc) {
        return INLINE_TAG.matcher(javadoc).replaceAll("$1").replaceAll("\\s+", " ").strip();
    }
}

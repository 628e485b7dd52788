package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * A list answer: {@code {"data":{"<resource>":[...]},"meta":{...}}}. The resource key differs per
 * endpoint ({@code products}, {@code dtes}, {@code customers}...), so the data is read as a map.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseList<T>(Map<String, List<T>> data, RelbaseMeta meta) {

    public List<T> items() {
        return data == null ? List.of() : data.values().stream().findFirst().orElse(List.of());
    }

    public boolean hasNext() {
        return meta != null && meta.nextPage() != null;
    }
}

package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A single-object answer: {@code {"data":{...},"meta":{"code","message"}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseOne<T>(T data, RelbaseMeta meta) {
}

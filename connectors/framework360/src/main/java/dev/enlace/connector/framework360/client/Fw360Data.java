package dev.enlace.connector.framework360.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Every Framework360 answer carries its payload under {@code data} (framework360-smarty.md §A.2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fw360Data<T>(T data) {
}

package dev.enlace.connector.jumpseller.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook subscription of a store: one event, one URL. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JumpsellerHook(Long id, String event, String url) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Wrapped(JumpsellerHook hook) {
    }
}

package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A relBase customer (cliente); the same shape is sent to create one (ids left null). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelbaseCustomer(Long id, String rut, String name, @JsonProperty("business_activity") String businessActivity,
        String address, String phone) {
}

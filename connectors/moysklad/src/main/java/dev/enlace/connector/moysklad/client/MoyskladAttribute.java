package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A custom field definition ({@code /entity/product/metadata/attributes}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladAttribute(String id, MoyskladMeta meta, String name, String type) {
}

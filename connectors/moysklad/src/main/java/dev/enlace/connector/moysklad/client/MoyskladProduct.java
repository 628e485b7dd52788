package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A product; {@code article} is the usual SKU. Unset fields are absent, so they read as null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladProduct(String id, MoyskladMeta meta, String name, String code, String article, String externalCode,
        boolean archived, int variantsCount, List<AttributeValue> attributes) {

    /** One custom field's value ({@code value} is a string, number, boolean or a reference). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttributeValue(MoyskladMeta meta, String id, String name, String type, Object value) {
    }
}

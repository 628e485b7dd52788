package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A variant (модификация) of {@code product}; variants have no custom fields of their own. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladVariant(String id, MoyskladMeta meta, String name, String code, String article, String externalCode,
        boolean archived, MoyskladMeta.Ref product) {

    public String productId() {
        return product == null || product.meta() == null ? null : product.meta().id();
    }
}

package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code meta} of a reference: its absolute {@code href} is the canonical id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladMeta(String href, String type) {

    /** The UUID at the end of the href, without the query some reports append ({@code ?expand=supplier}). */
    public String id() {
        if (href == null) {
            return null;
        }
        int query = href.indexOf('?');
        String path = query < 0 ? href : href.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A reference field: {@code {"meta": {...}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(MoyskladMeta meta) {
    }
}

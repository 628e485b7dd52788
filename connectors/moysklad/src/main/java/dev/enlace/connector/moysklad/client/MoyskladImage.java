package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A product image: {@code meta.downloadHref} answers with a redirect to a temporary link (moysklad.md §4.10). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladImage(Meta meta, String filename) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(String href, String downloadHref) {
    }

    /** The id at the end of {@code downloadHref}. */
    public String downloadId() {
        return meta == null || meta.downloadHref() == null ? null : new MoyskladMeta(meta.downloadHref(), "download").id();
    }
}

package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** MoySklad's list envelope: {@code meta.size} is the total, {@code meta.nextHref} only while more rows exist. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladPage<T>(Meta meta, List<T> rows) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(String href, int size, int limit, int offset, String nextHref) {
    }

    public boolean hasNext() {
        return meta != null && meta.nextHref() != null;
    }
}

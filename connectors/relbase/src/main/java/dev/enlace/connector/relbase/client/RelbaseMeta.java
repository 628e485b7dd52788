package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code meta} block of every answer; paging fields only on lists, {@code next_page} null on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseMeta(Integer code, String message, @JsonProperty("current_page") Integer currentPage,
        @JsonProperty("next_page") Integer nextPage, @JsonProperty("total_pages") Integer totalPages,
        @JsonProperty("total_count") Integer totalCount) {
}

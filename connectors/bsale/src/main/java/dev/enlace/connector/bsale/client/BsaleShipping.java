package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A shipping (bsale.md §9); the guía itself is the document {@code guide}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleShipping(long id, Integer state, BsaleRef guide, Details details) {

    /** The embedded details, when expanded: each names the sale document line it dispatches. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(List<Detail> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(long id, Long detailId) {
    }
}

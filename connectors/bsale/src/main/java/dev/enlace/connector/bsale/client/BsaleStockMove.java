package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A stock reception or consumption as Bsale returns it (bsale.md §4). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleStockMove(long id, String note, String documentNumber, BsaleRef office) {
}

package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** A line of a Bsale document; its {@code id} is what returns and guías reference (bsale.md §7). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleDocumentDetail(long id, int lineNumber, BigDecimal quantity) {
}

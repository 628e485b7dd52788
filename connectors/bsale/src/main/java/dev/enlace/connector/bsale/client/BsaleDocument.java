package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** A document as Bsale returns it (bsale.md §7): {@code number} is the SII folio. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleDocument(long id, long number, Long emissionDate, BigDecimal netAmount, BigDecimal taxAmount,
        BigDecimal totalAmount, String urlPdf, String urlPublicView, Integer state,
        @JsonProperty("document_type") BsaleRef documentType) {
}

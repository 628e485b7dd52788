package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An issued document (DTE or nota de venta) as {@code /dtes} lists it; {@code products} only in the detail. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseDte(long id, long folio, @JsonProperty("type_document") int typeDocument,
        @JsonProperty("type_document_sii") Integer typeDocumentSii, @JsonProperty("label_value") String labelValue,
        String comment, @JsonProperty("amount_neto") BigDecimal amountNeto, @JsonProperty("amount_iva") BigDecimal amountIva,
        @JsonProperty("amount_exempt") BigDecimal amountExempt, @JsonProperty("amount_total") BigDecimal amountTotal,
        @JsonProperty("pdf_file") File pdfFile, @JsonProperty("created_at") OffsetDateTime createdAt,
        List<Line> products) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(@JsonProperty("product_id") long productId, String code, BigDecimal quantity, BigDecimal price) {
    }
}

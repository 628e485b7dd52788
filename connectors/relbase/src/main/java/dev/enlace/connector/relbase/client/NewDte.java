package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /dtes} (relbase.md §3). {@code mntBruto} true means line prices include
 * the 19 % IVA; {@code discount} is a percentage of the line; {@code references} and
 * {@code typeTransfer} (for a nota de crédito and a guía) are guesses, see the README.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewDte(@JsonProperty("type_document") int typeDocument, @JsonProperty("type_document_sii") Integer typeDocumentSii,
        @JsonProperty("start_date") LocalDate startDate, @JsonProperty("end_date") LocalDate endDate,
        @JsonProperty("customer_id") Long customerId, @JsonProperty("channel_id") Long channelId,
        @JsonProperty("type_payment_id") Long typePaymentId, @JsonProperty("ware_house_id") Long wareHouseId,
        @JsonProperty("mnt_bruto") boolean mntBruto, @JsonProperty("label_value") String labelValue, String comment,
        List<Line> products, List<Reference> references, @JsonProperty("type_transfer") Integer typeTransfer) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(@JsonProperty("product_id") long productId, BigDecimal quantity, BigDecimal price,
            BigDecimal discount, @JsonProperty("tax_affected") boolean taxAffected) {
    }

    /** A document this one refers to, with the SII reference fields (TpoDocRef, FolioRef, FchRef, CodRef, RazonRef). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(@JsonProperty("type_document_ref") int typeDocumentRef, @JsonProperty("folio_ref") long folioRef,
            @JsonProperty("date_ref") LocalDate dateRef, @JsonProperty("code_ref") Integer codeRef,
            @JsonProperty("reason_ref") String reasonRef) {
    }
}

package dev.enlace.events;

import java.time.OffsetDateTime;

/**
 * The ERP issued a legal document for an order (DO1, DO3, DO4).
 *
 * @param documentType the ERP's document type, e.g. Bsale's SII code {@code 39}
 * @param folio        the number the tax authority knows the document by
 */
public record DocumentIssued(
        String tenant,
        String orderId,
        DocumentPurpose purpose,
        String erpSystem,
        String documentId,
        String documentType,
        String folio,
        Money net,
        Money tax,
        Money total,
        String publicUrl,
        OffsetDateTime issuedAt) {

    public static final String TYPE = "enlace.documents.document-issued.v1";
}

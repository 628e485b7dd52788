package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The ERP issued a legal document for an order (DO1, DO3, DO4). There is exactly one per
 * tenant, order and purpose (DO8).
 *
 * @param orderId      the store order the document is for
 * @param purpose      why the document exists: sale, credit note or dispatch guide
 * @param erpSystem    the ERP that issued it, e.g. {@code bsale}
 * @param documentId   the document's id in that ERP
 * @param documentType the ERP's document type, e.g. Bsale's SII code {@code 39}
 * @param folio        the number the tax authority knows the document by
 * @param publicUrl    where the buyer can see the document (PDF), when the ERP offers one
 * @param issuedAt     when the ERP issued it
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

    public DocumentIssued {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(erpSystem, "erpSystem");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}

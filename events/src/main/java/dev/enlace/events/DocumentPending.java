package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A document waits, for example until every line of the order is linked (DO5). A later
 * {@code DocumentIssued} for the same order and purpose ends the wait.
 *
 * @param orderId     the store order the document is for
 * @param purpose     the document that waits: sale, credit note or dispatch guide
 * @param reason      why it waits, for a person to read
 * @param missingSkus the SKUs of the order's lines that are not linked yet
 * @param since       when the document started to wait
 */
public record DocumentPending(
        String tenant,
        String orderId,
        DocumentPurpose purpose,
        String reason,
        List<String> missingSkus,
        OffsetDateTime since) {

    public static final String TYPE = "enlace.documents.document-pending.v1";

    public DocumentPending {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(since, "since");
    }
}

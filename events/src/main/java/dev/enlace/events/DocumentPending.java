package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.List;

/** DO5: a document waits, for example until every line of the order is linked. */
public record DocumentPending(
        String tenant,
        String orderId,
        DocumentPurpose purpose,
        String reason,
        List<String> missingSkus,
        OffsetDateTime since) {

    public static final String TYPE = "enlace.documents.document-pending.v1";
}

package dev.enlace.events;

import java.util.Objects;

/**
 * What the buyer asked for at checkout (DO6): the document kind and, for an invoice, the
 * company's tax data. Absent data means a receipt.
 *
 * @param documentKind never null: {@code RECEIPT} when the buyer asked for nothing else
 * @param taxId        the company's tax id (RUT in Chile) for an invoice, else null
 * @param companyName  razón social for an invoice, else null
 * @param activity     giro (line of business) for an invoice, else null
 */
public record BillingChoice(
        DocumentKind documentKind,
        String taxId,
        String companyName,
        String activity) {

    public BillingChoice {
        Objects.requireNonNull(documentKind, "documentKind");
    }

    public static BillingChoice receipt() {
        return new BillingChoice(DocumentKind.RECEIPT, null, null, null);
    }
}

package dev.enlace.events;

/**
 * What the buyer asked for at checkout (DO6): the document kind and, for an invoice, the
 * company's tax data. Absent data means a receipt.
 */
public record BillingChoice(
        DocumentKind documentKind,
        String taxId,
        String companyName,
        String activity) {

    public static BillingChoice receipt() {
        return new BillingChoice(DocumentKind.RECEIPT, null, null, null);
    }
}

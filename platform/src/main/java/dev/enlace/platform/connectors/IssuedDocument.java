package dev.enlace.platform.connectors;

import dev.enlace.events.Money;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A legal document as the ERP issued it.
 *
 * @param references what a later credit note or dispatch guide needs from it (e.g. Bsale's
 *                   detail ids per SKU), kept by Enlace with the document
 */
public record IssuedDocument(String documentId, String documentType, String folio, Money net, Money tax,
        Money total, String publicUrl, OffsetDateTime issuedAt, Map<String, String> references) {
}

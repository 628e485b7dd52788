package dev.enlace.platform.connectors;

import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.OrderSnapshot;

import java.util.Map;

/**
 * What to issue for one order and purpose (DO1, DO3, DO4).
 *
 * @param documentType the ERP's document type from the tenant's settings (DO2), e.g. Bsale SII code 39
 * @param settings     the rest of the tenant's document settings the ERP needs (office, payment
 *                     type, price list...), by the names in the tenant file
 * @param original     for a credit note or a dispatch guide, the sale document it refers to; else null
 */
public record DocumentRequest(String tenant, String orderId, DocumentPurpose purpose, String documentType,
        OrderSnapshot order, Map<String, String> settings, IssuedDocument original) {
}

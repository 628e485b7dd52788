package dev.enlace.events;

/**
 * How a store variant came to be linked to an ERP variant (CA1, CA2, CA3, CA9).
 * {@code EXTERNAL_ID}: read back from the ERP's own external-id field (MoySklad "inSales product ID").
 */
public enum LinkMethod {
    SKU, MANUAL, IMPORT, EXTERNAL_ID
}

package dev.enlace.events;

/** How a store variant came to be linked to an ERP variant (CA1, CA2, CA3). */
public enum LinkMethod {
    SKU, MANUAL, IMPORT
}

package dev.enlace.events;

/** The legal document a buyer asked for at checkout (DO1, DO6). */
public enum DocumentKind {
    /** Boleta electrónica: the default when the buyer gave no tax data. */
    RECEIPT,
    /** Factura electrónica: needs RUT, razón social and giro. */
    INVOICE,
    /** Nota de venta (relBase). */
    SALES_NOTE
}

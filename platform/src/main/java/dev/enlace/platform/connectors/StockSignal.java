package dev.enlace.platform.connectors;

/** An ERP said a variant's stock changed, in one office or (null) anywhere. */
public record StockSignal(String variantId, String officeId) {
}

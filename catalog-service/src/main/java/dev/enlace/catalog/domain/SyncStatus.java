package dev.enlace.catalog.domain;

/**
 * CA10: where a product variant stands. An open product-sync failure of its product on either
 * side makes it ERROR, whatever else holds; otherwise a link makes it SYNCED, and a variant seen on
 * one side only is NOT_LINKED.
 */
public enum SyncStatus {
    SYNCED, NOT_LINKED, ERROR;

    /** The failure kind product sync records and resolves, with reference {@code <system>:<productId>}. */
    public static final String FAILURE_KIND = "product-sync";
}

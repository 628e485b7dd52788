package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Issues legal documents in an ERP (DO1, DO3, DO4) so that each (order, purpose) gets exactly
 * one (DO8): the issue call marks the document with the order so that {@link #find} can tell,
 * after a crash or a time-out, whether the ERP already issued it.
 */
public interface ErpDocuments extends Capability {

    /** Issues the document. Not idempotent: callers look it up with {@link #find} before any retry. */
    Uni<IssuedDocument> issue(Connection connection, DocumentRequest request);

    /** The document already issued for this order and purpose, if the ERP has one. */
    Uni<Optional<IssuedDocument>> find(Connection connection, DocumentRequest request);
}

package dev.enlace.platform.ingress;

import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;

import java.util.Set;

/**
 * A service's processing of one kind of webhook. Runs after the delivery was stored and
 * answered, possibly more than once for the same delivery (after a crash): it must be
 * idempotent. A failure is retried with back-off, then recorded as a failure.
 */
public interface WebhookHandler {
    String system();

    Set<String> topics();

    Uni<Void> handle(Tenant tenant, InboxDelivery delivery);
}

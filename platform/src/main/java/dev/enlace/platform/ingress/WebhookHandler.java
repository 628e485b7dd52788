package dev.enlace.platform.ingress;

import dev.enlace.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;

/**
 * A service's processing of one kind of webhook. Runs after the delivery was stored and
 * answered, possibly more than once for the same delivery (after a crash): it must be
 * idempotent. A failure is retried with back-off, then recorded as a failure.
 */
public interface WebhookHandler {
    /** Whether this handler processes that system's deliveries of that topic. */
    boolean handles(String system, String topic);

    Uni<Void> handle(Tenant tenant, InboxDelivery delivery);
}

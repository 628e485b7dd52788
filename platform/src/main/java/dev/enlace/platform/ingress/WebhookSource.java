package dev.enlace.platform.ingress;

import dev.enlace.platform.tenant.Connection;

/**
 * How one external system sends webhooks: each connector provides one. Both methods run on
 * the request thread before anything is stored, so they must be quick and must not block.
 */
public interface WebhookSource {

    /** The system's name, as in tenant files and webhook URLs ({@code bsale}, {@code jumpseller}). */
    String system();

    /**
     * Proves the request comes from the tenant's account (signature, URL token, account id).
     *
     * @throws dev.enlace.platform.api.ApiException 401 when it does not
     */
    void verify(Connection connection, WebhookRequest request);

    /**
     * Reads what the delivery is about.
     *
     * @throws dev.enlace.platform.api.ApiException 400 for malformed JSON or a missing field
     */
    WebhookDelivery parse(Connection connection, WebhookRequest request);

    /**
     * The status a newly stored delivery is answered with. 202 by default; systems that count
     * anything but 200/204 as a failure (MoySklad retries, then disables the hook) answer 200.
     */
    default int acceptedStatus() {
        return 202;
    }
}

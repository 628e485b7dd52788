package dev.enlace.platform.ingress;

/**
 * One verified, parsed webhook, ready for the inbox.
 *
 * @param deliveryKey  unique per delivery of this system and tenant: a redelivery has the same
 *                     key and is dropped
 * @param topic        what happened, in the system's own words ({@code stock}, {@code order_paid})
 * @param partitionKey deliveries with the same key are processed one after another, in order
 * @param payload      the body, as received
 * @param coalesceKey  for notifications that only point at current state ("variant 7 changed",
 *                     no values): while one with the same key still waits, a new one is
 *                     redundant. Such deliveries are never refused for having been seen
 *                     before, because two real changes can send identical bodies. Null for
 *                     deliveries that carry their own data and are kept once, ever.
 */
public record WebhookDelivery(String deliveryKey, String topic, String partitionKey, String payload,
        String coalesceKey) {

    /** A delivery that carries data: stored once per {@code deliveryKey}. */
    public static WebhookDelivery unique(String deliveryKey, String topic, String partitionKey, String payload) {
        return new WebhookDelivery(deliveryKey, topic, partitionKey, payload, null);
    }

    /** A pointer to current state: coalesced with a waiting one of the same {@code coalesceKey}. */
    public static WebhookDelivery pointer(String deliveryKey, String topic, String partitionKey, String coalesceKey,
            String payload) {
        return new WebhookDelivery(deliveryKey, topic, partitionKey, payload, coalesceKey);
    }
}

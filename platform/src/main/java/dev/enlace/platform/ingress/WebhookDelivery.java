package dev.enlace.platform.ingress;

/**
 * One verified, parsed webhook, ready for the inbox.
 *
 * @param deliveryKey  unique per delivery of this system and tenant: a redelivery has the same
 *                     key and is dropped
 * @param topic        what happened, in the system's own words ({@code stock}, {@code order_paid})
 * @param partitionKey deliveries with the same key are processed one after another, in order
 * @param payload      the body, as received
 */
public record WebhookDelivery(String deliveryKey, String topic, String partitionKey, String payload) {
}

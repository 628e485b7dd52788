package dev.enlace.platform.ingress;

/** A stored webhook handed to its handler; {@code attempt} counts from 1. */
public record InboxDelivery(long id, String system, String tenant, String topic, String partitionKey,
        String payload, int attempt) {

    /** The causation id events produced by this delivery carry. */
    public String causationId() {
        return "webhook:" + system + ":" + id;
    }
}

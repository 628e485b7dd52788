package dev.enlace.platform.ingress;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stored webhook handed to its handler; {@code attempt} counts from 1. Once handled, {@link InboxProcessor}
 * marks it done, unless the handler's own last statement did that already ({@link #settlingCte}).
 */
public record InboxDelivery(long id, String system, String tenant, String topic, String partitionKey,
        String payload, int attempt, AtomicBoolean settledByHandler) {

    public InboxDelivery(long id, String system, String tenant, String topic, String partitionKey, String payload,
            int attempt) {
        this(id, system, tenant, topic, partitionKey, payload, attempt, new AtomicBoolean());
    }

    /** The causation id events produced by this delivery carry. */
    public String causationId() {
        return "webhook:" + system + ":" + id;
    }

    /**
     * A common table expression ({@code settled}) that marks deliveries done inside a handler's last statement,
     * which saves the separate round trip and commit; call {@link #settled()} once that statement has run. Only for
     * the last write: after it the delivery is done whatever happens.
     *
     * @param from         a FROM clause whose rows name the deliveries
     * @param idColumn     the column of {@code from} holding {@link #id()} (no delivery: -1 or null)
     * @param attemptColumn the column holding {@link #attempt()}
     */
    public static String settlingCte(String from, String idColumn, String attemptColumn) {
        return "settled AS (UPDATE webhook_inbox SET status = 'DONE', processed_at = now(), attempts = " + attemptColumn
                + ", locked_until = NULL, last_error = NULL FROM " + from + " WHERE webhook_inbox.id = " + idColumn + ")";
    }

    /** Its handler's last statement marked it done ({@link #settlingCte}). */
    public void settled() {
        settledByHandler.set(true);
    }

    boolean isSettled() {
        return settledByHandler.get();
    }
}

package dev.enlace.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.enlace.platform.messaging.PgNotifications;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends committed outbox rows to Kafka as CloudEvents (binary mode) in commit order, then
 * deletes them. A crash between the send and the delete sends the same event again with the
 * same {@code ce_id}: consumers are idempotent on it. One relay at a time per database (an
 * advisory lock), so per-key order holds when the service runs several replicas.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x656e6c6163650001L;
    private static final int BATCH = 500;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final PgNotifications notifications;
    private final Counter relayed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(Pool pool, @Channel("enlace-outbox") MutinyEmitter<String> emitter,
            PgNotifications notifications, MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.notifications = notifications;
        this.relayed = registry.counter("enlace.outbox.relayed");
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_outbox", this::trigger);
    }

    /** Fallback for notifications missed while the LISTEN connection was down. */
    @Scheduled(every = "${enlace.outbox.poll-interval:2s}", delayed = "${enlace.outbox.poll-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    void trigger() {
        drain().subscribe().with(v -> { }, err -> LOG.warnf("outbox relay failed: %s", err.getMessage()));
    }

    /** Relays until the outbox is empty; a call while a drain runs makes that drain go round once more. */
    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return relayUntilEmpty()
                .eventually(() -> running.set(false))
                .chain(() -> again.getAndSet(false) ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Void> relayUntilEmpty() {
        return pool.withTransaction(this::relayBatch)
                .chain(count -> count == BATCH ? relayUntilEmpty() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> relayBatch(SqlConnection conn) {
        return conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> {
                    if (!lock.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(0);
                    }
                    return conn.preparedQuery("SELECT id, event_id, topic, record_key, type, source, subject, tenant,"
                                    + " causation_id, occurred_at, payload FROM outbox_event ORDER BY id LIMIT $1")
                            .execute(Tuple.of(BATCH))
                            .chain(rows -> {
                                List<Long> ids = new ArrayList<>();
                                List<Uni<Void>> sends = new ArrayList<>();
                                for (Row row : rows) {
                                    ids.add(row.getLong("id"));
                                    sends.add(emitter.sendMessage(toMessage(row)));
                                }
                                if (ids.isEmpty()) {
                                    return Uni.createFrom().item(0);
                                }
                                return Uni.join().all(sends).andFailFast()
                                        .chain(() -> conn.preparedQuery("DELETE FROM outbox_event WHERE id = ANY($1)")
                                                .execute(Tuple.of(ids.toArray(new Long[0]))))
                                        .invoke(() -> relayed.increment(ids.size()))
                                        .replaceWith(ids.size());
                            });
                });
    }

    private static Message<String> toMessage(Row row) {
        io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder<String> ce = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getUUID("event_id").toString())
                .withType(row.getString("type"))
                .withSource(URI.create(row.getString("source")))
                .withSubject(row.getString("subject"))
                .withTimestamp(row.get(OffsetDateTime.class, "occurred_at").toZonedDateTime())
                .withDataContentType("application/json")
                .withExtension("tenant", row.getString("tenant"));
        String causation = row.getString("causation_id");
        if (causation != null) {
            ce.withExtension("causationid", causation);
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .build();
        return Message.of(row.getString("payload"), Metadata.of(ce.build(), kafka));
    }
}

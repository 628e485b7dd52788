package dev.enlace.platform.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes processed webhooks once no sender can redeliver them any more ({@code enlace.inbox.keep-done}, 7 days:
 * Jumpseller's last retry comes about 4 h after the first attempt): at a thousand webhooks a second the inbox
 * would otherwise grow by 86 million rows a day. Failed deliveries stay, as their failure records point at them.
 * Deletes in chunks, so no single transaction holds many locks or much WAL.
 */
@ApplicationScoped
public class InboxRetention {
    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private static final int CHUNK = 5_000;

    private final Pool pool;
    private final Duration keepDone;
    private final Counter deleted;

    public InboxRetention(Pool pool, MeterRegistry metrics,
            @ConfigProperty(name = "enlace.inbox.keep-done", defaultValue = "P7D") Duration keepDone) {
        this.pool = pool;
        this.keepDone = keepDone;
        this.deleted = metrics.counter("enlace.inbox.purged");
    }

    @Scheduled(every = "${enlace.inbox.retention-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(n -> {
            if (n > 0) {
                LOG.infof("inbox retention: deleted %d processed webhooks older than %s", n, keepDone);
            }
        }).replaceWithVoid();
    }

    /** @return how many processed deliveries were deleted */
    public Uni<Long> purge() {
        return purgeFrom(OffsetDateTime.now(ZoneOffset.UTC).minus(keepDone), 0);
    }

    private Uni<Long> purgeFrom(OffsetDateTime before, long sofar) {
        // received_at has a BRIN index: rows arrive in time order, so old rows sit in the first block ranges
        return pool.preparedQuery("DELETE FROM webhook_inbox WHERE id IN (SELECT id FROM webhook_inbox"
                        + " WHERE received_at < $1 AND status = 'DONE' AND processed_at < $1 LIMIT $2)")
                .execute(Tuple.of(before, CHUNK))
                .chain(rows -> {
                    deleted.increment(rows.rowCount());
                    long total = sofar + rows.rowCount();
                    return rows.rowCount() < CHUNK ? Uni.createFrom().item(total) : purgeFrom(before, total);
                });
    }
}

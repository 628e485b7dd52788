package dev.enlace.platform.ingress;

import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.messaging.PgNotifications;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works through stored webhooks: keeps up to {@code enlace.inbox.concurrency} claimed deliveries in hand, runs
 * those with the same partition key one after another (different keys side by side), marks them done, and on
 * failure tries again with exponential back-off and jitter until the attempts run out; then the delivery
 * becomes a failure record that can be retried by hand.
 */
@ApplicationScoped
public class InboxProcessor implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    static final String FAILURE_KIND = "webhook";

    private final Pool pool;
    private final Vertx vertx;
    private final TenantRegistry tenants;
    private final List<WebhookHandler> handlers;
    private final FailureRecords failures;
    private final PgNotifications notifications;
    private final Timer processing;
    private final int concurrency;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The last claim filled every free place: more may be waiting for the next free one. */
    private final AtomicBoolean saturated = new AtomicBoolean();

    public InboxProcessor(Pool pool, Vertx vertx, TenantRegistry tenants, Instance<WebhookHandler> handlers,
            FailureRecords failures, PgNotifications notifications, MeterRegistry metrics,
            @ConfigProperty(name = "enlace.inbox.concurrency", defaultValue = "64") int concurrency,
            @ConfigProperty(name = "enlace.inbox.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "enlace.inbox.first-backoff", defaultValue = "PT1S") Duration firstBackoff) {
        this.pool = pool;
        this.vertx = vertx;
        this.tenants = tenants;
        this.handlers = handlers.stream().toList();
        this.failures = failures;
        this.notifications = notifications;
        this.processing = metrics.timer("enlace.inbox.processing");
        this.concurrency = concurrency;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_inbox", this::trigger);
    }

    /** Picks up deliveries whose back-off has passed, and any notification that was missed. */
    @Scheduled(every = "${enlace.inbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    void trigger() {
        drain().subscribe().with(v -> { }, err -> LOG.warnf("inbox processing failed: %s", err.getMessage()));
    }

    /**
     * Claims waiting deliveries while fewer than {@code concurrency} are in hand (enough to overlap the ERP reads;
     * more would only queue for the database pool ahead of the store writes). Claiming goes on while others
     * are still being processed, so one slow delivery never holds up the rest.
     */
    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return claimWhileRoom()
                .eventually(() -> running.set(false))
                .chain(() -> again.getAndSet(false) ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Void> claimWhileRoom() {
        int room = concurrency - inFlight.get();
        if (room <= 0) {
            saturated.set(true);
            return Uni.createFrom().voidItem();
        }
        return claim(room).chain(batch -> {
            batch.forEach(this::start);
            return batch.size() == room ? claimWhileRoom() : Uni.createFrom().voidItem();
        });
    }

    /**
     * A delivery is claimed only when no earlier one with the same partition key (within its system and tenant:
     * Bsale variant ids repeat across companies) is unfinished, here or in another replica: deliveries of one
     * key run one after another in arrival order, different keys side by side, and while one runs the next
     * waits unclaimed, where identical pointers still coalesce with it.
     */
    private Uni<List<InboxDelivery>> claim(int limit) {
        // the first unfinished delivery of each key, in one pass over the unfinished rows; it is claimable when due,
        // or when it is PROCESSING and its lease ran out (its processor died). No join back to the table before the
        // update: with the statistics behind, as they always are under load, the planner matched every waiting row
        // against every other (130 ms a claim with 700 waiting). The update re-checks the state: of two replicas
        // claiming the same row, the second waits for the first and then finds it taken.
        return pool.preparedQuery("UPDATE webhook_inbox w SET status = 'PROCESSING', locked_until = now() + interval '2 minutes'"
                        + " FROM (SELECT id FROM (SELECT DISTINCT ON (system, tenant, partition_key) id, status,"
                        + "   next_attempt_at, locked_until FROM webhook_inbox WHERE status IN ('PENDING', 'PROCESSING')"
                        + "   ORDER BY system, tenant, partition_key, id) first"
                        + "   WHERE (first.status = 'PENDING' AND first.next_attempt_at <= now())"
                        + "   OR (first.status = 'PROCESSING' AND first.locked_until < now())"
                        + "   ORDER BY id LIMIT $1) due"
                        + " WHERE w.id = due.id"
                        + " AND (w.status = 'PENDING' OR (w.status = 'PROCESSING' AND w.locked_until < now()))"
                        + " RETURNING w.id, w.system, w.tenant, w.topic, w.partition_key, w.payload, w.attempts")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<InboxDelivery> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new InboxDelivery(r.getLong("id"), r.getString("system"), r.getString("tenant"),
                                r.getString("topic"), r.getString("partition_key"), r.getString("payload"),
                                r.getInteger("attempts") + 1));
                    }
                    return batch;
                });
    }

    private void start(InboxDelivery delivery) {
        inFlight.incrementAndGet();
        processOne(delivery).onFailure().invoke(err ->
                        // only the bookkeeping failed: the row's lease runs out and it is claimed again
                        LOG.warnf("webhook %d: could not record the outcome: %s", delivery.id(), err.getMessage()))
                .onFailure().recoverWithNull()
                .subscribe().with(done -> finished());
    }

    private void finished() {
        inFlight.decrementAndGet();
        if (saturated.compareAndSet(true, false)) {
            trigger();
        }
    }

    private Uni<Void> processOne(InboxDelivery delivery) {
        long started = System.nanoTime();
        return IsolatedContext.run(vertx, () -> handle(delivery))
                .chain(() -> delivery.isSettled() ? Uni.createFrom().voidItem() : markDone(delivery))
                .invoke(() -> processing.record(Duration.ofNanos(System.nanoTime() - started)))
                .onFailure().recoverWithUni(err -> markFailed(delivery, err));
    }

    private Uni<Void> handle(InboxDelivery delivery) {
        var tenant = tenants.find(delivery.tenant())
                .orElseThrow(() -> new IllegalStateException("tenant '" + delivery.tenant() + "' is no longer configured"));
        WebhookHandler handler = handlers.stream()
                .filter(h -> h.handles(delivery.system(), delivery.topic()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no handler for " + delivery.system() + " " + delivery.topic()));
        return handler.handle(tenant, delivery);
    }

    private Uni<Void> markDone(InboxDelivery d) {
        return pool.preparedQuery("UPDATE webhook_inbox SET status = 'DONE', processed_at = now(), attempts = $2,"
                        + " locked_until = NULL, last_error = NULL WHERE id = $1")
                .execute(Tuple.of(d.id(), d.attempt())).replaceWithVoid();
    }

    /**
     * Puts a claimed delivery back in line. If an identical pointer arrived meanwhile, that one
     * is already waiting and will do the same work: this one is then superseded.
     */
    private Uni<Void> backToWaiting(long id, String update, Tuple args) {
        return pool.preparedQuery(update).execute(args).replaceWithVoid()
                .onFailure(InboxProcessor::waitingTwinExists).recoverWithUni(() -> pool
                        .preparedQuery("UPDATE webhook_inbox SET status = 'DONE', processed_at = now(), locked_until = NULL,"
                                + " last_error = 'superseded by a newer identical notification' WHERE id = $1")
                        .execute(Tuple.of(id)).replaceWithVoid());
    }

    private static boolean waitingTwinExists(Throwable err) {
        return err instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
    }

    private Uni<Void> markFailed(InboxDelivery d, Throwable err) {
        String reason = err.getClass().getSimpleName() + ": " + err.getMessage();
        if (d.isSettled()) {
            LOG.warnf("webhook %d failed after its handler marked it done, left done: %s", d.id(), reason);
            return Uni.createFrom().voidItem();
        }
        if (d.attempt() >= maxAttempts) {
            LOG.warnf("webhook %d (%s %s, tenant %s) failed %d times, giving up: %s", d.id(), d.system(), d.topic(),
                    d.tenant(), d.attempt(), reason);
            return pool.preparedQuery("UPDATE webhook_inbox SET status = 'FAILED', attempts = $2, locked_until = NULL,"
                            + " last_error = $3 WHERE id = $1")
                    .execute(Tuple.of(d.id(), d.attempt(), reason))
                    .chain(() -> failures.record(d.tenant(), FAILURE_KIND, String.valueOf(d.id()),
                            reason, d.system() + " " + d.topic() + ": " + d.payload()));
        }
        long delayMs = backoffMillis(d.attempt());
        LOG.debugf("webhook %d failed (attempt %d), retrying in %d ms: %s", d.id(), d.attempt(), delayMs, reason);
        return backToWaiting(d.id(), "UPDATE webhook_inbox SET status = 'PENDING', attempts = $2, locked_until = NULL,"
                        + " last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1",
                Tuple.of(d.id(), d.attempt(), reason, delayMs / 1000.0));
    }

    /** Exponential, capped at 5 minutes, with full jitter on the upper half so retries spread out. */
    long backoffMillis(int attempt) {
        long base = Math.min(firstBackoff.toMillis() << Math.min(attempt - 1, 20), Duration.ofMinutes(5).toMillis());
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    @Override
    public String kind() {
        return FAILURE_KIND;
    }

    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        long id = Long.parseLong(failure.reference());
        return backToWaiting(id, "UPDATE webhook_inbox SET status = 'PENDING', attempts = 0, next_attempt_at = now(),"
                + " locked_until = NULL WHERE id = $1 AND tenant = $2", Tuple.of(id, failure.tenant()));
    }
}

package dev.enlace.platform.outbound;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.DrainLoop;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One external call per reserved row, never two (DO8 documents, ST2 stock moves). A claimed row is in its
 * sending state, committed, before the call; a row that may have reached the other system before (a crash
 * while sending, a time-out, a 5xx or 429) is first looked up there and sent only if it is not found.
 * Rows of one order wait for its first row (the sale document, the consumption) to be done.
 *
 * <p>The queue table has the columns {@code id, tenant, order_id, state, erp_called, attempts, locked_until,
 * next_attempt_at, last_error, updated_at} and a step column ({@code purpose}, {@code direction}); a
 * subclass names them in its {@link Table}, maps claimed rows and makes the call. Failure references are
 * {@code <order>:<step>}.
 */
public abstract class ExactlyOnceCalls<C extends ExactlyOnceCalls.Claimed> implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(ExactlyOnceCalls.class);

    /** What every claimed row carries; a subclass's record adds its own columns. */
    public interface Claimed {
        long id();

        String tenant();

        String orderId();

        /** The value of the step column. */
        String step();

        /** The values of the table's group columns, in their order. */
        default List<String> group() {
            return List.of();
        }

        boolean sentBefore();

        int attempts();
    }

    /**
     * @param stepColumn the column that tells the rows of one order apart; {@code firstStep} is the row the
     *     others wait for
     * @param groupColumns where an order has several first rows: a row waits for the first row of its group
     * @param columns what a claim returns besides {@code id, tenant, order_id, attempts} and {@code sent_before}
     * @param claimSets more assignments a claim makes (e.g. {@code first_sent_at = COALESCE(q.first_sent_at, now())}),
     *     or empty
     */
    public record Table(String name, String stepColumn, String firstStep, List<String> groupColumns,
            String sendingState, String doneState, String failureKind, List<String> columns, String claimSets) {
    }

    public record Settings(int batchSize, int maxAttempts, Duration retryBase, Duration lease) {
    }

    protected final Pool pool;
    protected final FailureRecords failures;
    private final Table table;
    private final Settings settings;
    private final DrainLoop loop;

    protected ExactlyOnceCalls(Pool pool, FailureRecords failures, Table table, Settings settings) {
        this.pool = pool;
        this.failures = failures;
        this.table = table;
        this.settings = settings;
        this.loop = new DrainLoop(table.failureKind(), this::beforeDrain, this::round);
    }

    /** Maps a claimed row (its {@code id, tenant, order_id, attempts, sent_before} and the table's columns). */
    protected abstract C claimed(Row row);

    /** Makes the call and records its outcome through {@link #completed} or {@link #failed(Claimed, Throwable)}. */
    protected abstract Uni<Void> send(C claimed);

    /** What a failure record says besides the reason. */
    protected abstract String failureDetail(C claimed);

    /** Work that makes rows due, done once at the start of each drain. */
    protected Uni<Void> beforeDrain() {
        return Uni.createFrom().voidItem();
    }

    /** Runs until nothing is due; a call while running makes the running drain go round once more. */
    public Uni<Void> drain() {
        return loop.drain();
    }

    /** For notifications and other fire-and-forget triggers. */
    public void trigger() {
        loop.trigger();
    }

    private Uni<Boolean> round() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(false)
                : Uni.join().all(batch.stream().map(this::sendOrFail).toList()).andCollectFailures()
                        .replaceWith(batch.size() == settings.batchSize()));
    }

    private Uni<Void> sendOrFail(C claimed) {
        return Uni.createFrom().deferred(() -> send(claimed)).onFailure().recoverWithUni(err -> failed(claimed, err));
    }

    /** Due rows and rows whose lease ran out (their worker died), committed as sending before any call. */
    private Uni<List<C>> claim() {
        String t = table.name();
        String extra = table.columns().stream().map(c -> ", q." + c).reduce("", String::concat);
        return pool.preparedQuery("UPDATE " + t + " q SET state = '" + table.sendingState() + "', erp_called = true,"
                        + (table.claimSets().isEmpty() ? "" : " " + table.claimSets() + ",")
                        + " attempts = q.attempts + 1, locked_until = now() + make_interval(secs => $2), updated_at = now()"
                        + " FROM (SELECT id, erp_called OR state = '" + table.sendingState() + "' AS sent_before FROM " + t + " x"
                        + " WHERE ((x.state = 'READY' AND x.next_attempt_at <= now())"
                        + " OR (x.state = '" + table.sendingState() + "' AND x.locked_until < now()))"
                        + " AND (x." + table.stepColumn() + " = '" + table.firstStep() + "' OR EXISTS (SELECT 1 FROM " + t
                        + " f WHERE f.tenant = x.tenant AND f.order_id = x.order_id"
                        + table.groupColumns().stream().map(g -> " AND f." + g + " = x." + g).reduce("", String::concat)
                        + " AND f." + table.stepColumn()
                        + " = '" + table.firstStep() + "' AND f.state = '" + table.doneState() + "'))"
                        + " ORDER BY x.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due"
                        + " WHERE q.id = due.id"
                        + " RETURNING q.id, q.tenant, q.order_id, q.attempts, due.sent_before" + extra)
                .execute(Tuple.of(settings.batchSize(), (double) settings.lease().toSeconds()))
                .map(rows -> {
                    List<C> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(claimed(r));
                    }
                    return batch;
                });
    }

    /**
     * The call itself, preceded by a lookup when the row was sent before.
     *
     * @param onFound counts a recovery (the earlier call had reached the other system)
     */
    protected <T> Uni<T> lookupThenSend(C claimed, Supplier<Uni<Optional<T>>> lookup, Supplier<Uni<T>> send,
            Runnable onFound) {
        if (!claimed.sentBefore()) {
            return send.get();
        }
        return lookup.get().chain(found -> found.isPresent()
                ? Uni.createFrom().item(found.get()).invoke(onFound)
                : send.get());
    }

    /**
     * After the row is recorded as done: its failure is resolved, and the order's rows that waited for this
     * first one are due now.
     */
    protected Uni<Void> completed(C claimed) {
        Uni<Void> resolved = failures.resolve(claimed.tenant(), table.failureKind(), reference(claimed));
        if (!table.firstStep().equals(claimed.step())) {
            return resolved;
        }
        return resolved.chain(() -> pool.preparedQuery("UPDATE " + table.name() + " SET next_attempt_at = now()"
                        + " WHERE tenant = $1 AND order_id = $2 AND " + table.stepColumn() + " <> $3 AND state = 'READY'")
                .execute(Tuple.of(claimed.tenant(), claimed.orderId(), table.firstStep())))
                .invoke(loop::again)
                .replaceWithVoid();
    }

    /**
     * Time-outs, 5xx and 429 may hide a call that went through: the row is retried later, after a lookup.
     * Other refusals (4xx), and a request the connector refuses before calling (an {@link ApiException}),
     * need a person: retrying would repeat the refusal, so the row is FAILED and listed in /failures.
     */
    protected Uni<Void> failed(C claimed, Throwable err) {
        String reason = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
        return failed(claimed, reason, refused(err));
    }

    /**
     * A refusal that retrying would repeat: a 4xx other than a time-out or a rate limit (relBase says "rate limit
     * exceeded" with a 403: such a call was not processed and is retried), or a request the connector refused
     * before calling.
     */
    static boolean refused(Throwable err) {
        return err instanceof ExternalApiException e && e.status() >= 400 && e.status() < 500
                && e.status() != 408 && !e.rateLimited()
                || err instanceof ApiException a && a.status() >= 400 && a.status() < 500;
    }

    protected Uni<Void> failed(C claimed, String reason, boolean refused) {
        boolean giveUp = refused || claimed.attempts() >= settings.maxAttempts();
        long delay = Math.min(settings.retryBase().toMillis() << Math.min(claimed.attempts() - 1, 10), 60_000);
        LOG.debugf("%s %s failed (attempt %d): %s", table.failureKind(), reference(claimed), claimed.attempts(), reason);
        Uni<Void> update = pool.preparedQuery("UPDATE " + table.name() + " SET state = $2, last_error = $3,"
                        + " locked_until = NULL, next_attempt_at = now() + make_interval(secs => $4), updated_at = now()"
                        + " WHERE id = $1 AND state = '" + table.sendingState() + "'")
                .execute(Tuple.of(claimed.id(), giveUp ? "FAILED" : "READY", reason, delay / 1000.0))
                .replaceWithVoid();
        return giveUp ? update.chain(() -> failures.record(claimed.tenant(), table.failureKind(), reference(claimed),
                reason, failureDetail(claimed))) : update;
    }

    protected static String reference(Claimed claimed) {
        StringBuilder reference = new StringBuilder(claimed.orderId()).append(':').append(claimed.step());
        claimed.group().stream().filter(value -> !value.isEmpty()).forEach(value -> reference.append(':').append(value));
        return reference.toString();
    }

    @Override
    public String kind() {
        return table.failureKind();
    }

    /** A person fixed the cause: the row is tried again, after a lookup since it was sent before. */
    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        List<String> groups = table.groupColumns();
        String[] parts = failure.reference().split(":", 2 + groups.size());
        List<Object> values = new ArrayList<>(List.of(failure.tenant(), parts[0], parts[1]));
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            values.add(parts.length > 2 + i ? parts[2 + i] : "");
            where.append(" AND ").append(groups.get(i)).append(" = $").append(4 + i);
        }
        return pool.preparedQuery("UPDATE " + table.name() + " SET state = 'READY', attempts = 0, next_attempt_at = now()"
                        + " WHERE tenant = $1 AND order_id = $2 AND " + table.stepColumn() + " = $3" + where
                        + " AND state = 'FAILED'")
                .execute(Tuple.from(values))
                .replaceWithVoid();
    }
}

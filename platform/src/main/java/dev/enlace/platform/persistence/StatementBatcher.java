package dev.enlace.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers the rows that many callers write at about the same time into one statement. Under load each statement is
 * a round trip and a commit, and PostgreSQL spent most of its time in the kernel answering and flushing WAL rather
 * than executing. A batch leaves when it holds {@code maxRows} rows or when its first row has waited {@code linger};
 * each caller gets its own row's result, or its own row's failure (the statement is atomic: all or none, so a
 * failed batch is retried row by row).
 *
 * @param <I> a row to write
 * @param <O> what the statement answers for each row, in the order given
 */
public final class StatementBatcher<I, O> {
    private record Waiting<I, O>(I row, UniEmitter<? super O> caller) {
    }

    private final Vertx vertx;
    private final long lingerMillis;
    private final int maxRows;
    private final Function<List<I>, Uni<List<O>>> statement;
    private List<Waiting<I, O>> open = new ArrayList<>();
    private long timer = -1;

    /** @param statement writes the rows and answers one result per row, in their order */
    public StatementBatcher(Vertx vertx, Duration linger, int maxRows, Function<List<I>, Uni<List<O>>> statement) {
        this.vertx = vertx;
        this.lingerMillis = Math.max(1, linger.toMillis());
        this.maxRows = maxRows;
        this.statement = statement;
    }

    public Uni<O> add(I row) {
        return Uni.createFrom().emitter(caller -> {
            List<Waiting<I, O>> full = null;
            synchronized (this) {
                open.add(new Waiting<>(row, caller));
                if (open.size() >= maxRows) {
                    full = take();
                } else if (open.size() == 1) {
                    timer = vertx.setTimer(lingerMillis, id -> lingered());
                }
            }
            if (full != null) {
                run(full);
            }
        });
    }

    private void lingered() {
        List<Waiting<I, O>> batch;
        synchronized (this) {
            timer = -1;
            batch = open.isEmpty() ? null : take();
        }
        if (batch != null) {
            run(batch);
        }
    }

    /** Caller holds the lock. */
    private List<Waiting<I, O>> take() {
        List<Waiting<I, O>> batch = open;
        open = new ArrayList<>();
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return batch;
    }

    /** A failed batch is tried again row by row, so that one bad row fails only its own caller. */
    private void run(List<Waiting<I, O>> batch) {
        List<I> rows = new ArrayList<>(batch.size());
        batch.forEach(w -> rows.add(w.row()));
        Uni.createFrom().deferred(() -> statement.apply(rows)).subscribe().with(results -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).caller().complete(results.get(i));
            }
        }, err -> {
            if (batch.size() == 1) {
                batch.get(0).caller().fail(err);
            } else {
                batch.forEach(w -> run(List.of(w)));
            }
        });
    }
}

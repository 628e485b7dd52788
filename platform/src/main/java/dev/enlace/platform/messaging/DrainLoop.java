package dev.enlace.platform.messaging;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Works a queue table round after round until it is empty, one drain at a time per replica. Triggers
 * (a PostgreSQL notification, a scheduled poll, new work queued in this replica) that arrive while a
 * drain runs are not lost: that drain goes round once more.
 */
public final class DrainLoop {
    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final String name;
    private final Supplier<Uni<Void>> start;
    private final Supplier<Uni<Boolean>> round;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /**
     * @param name for the log
     * @param round works one batch; its item says whether more may be waiting (a full batch)
     */
    public DrainLoop(String name, Supplier<Uni<Boolean>> round) {
        this(name, () -> Uni.createFrom().voidItem(), round);
    }

    /** @param start runs once at the start of each drain, before its rounds */
    public DrainLoop(String name, Supplier<Uni<Void>> start, Supplier<Uni<Boolean>> round) {
        this.name = name;
        this.start = start;
        this.round = round;
    }

    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return Uni.createFrom().deferred(() -> start.get()).chain(this::untilEmpty)
                .eventually(() -> running.set(false))
                .chain(() -> again.getAndSet(false) ? drain() : Uni.createFrom().voidItem());
    }

    /** Fire and forget, for notifications and callers outside a reactive chain. */
    public void trigger() {
        drain().subscribe().with(v -> { }, err -> LOG.warnf("%s failed: %s", name, err.getMessage()));
    }

    /** Makes the running drain (if any) go round once more: work it could not take before may be due now. */
    public void again() {
        again.set(true);
    }

    private Uni<Void> untilEmpty() {
        return Uni.createFrom().deferred(() -> round.get()).chain(more -> more ? untilEmpty() : Uni.createFrom().voidItem());
    }
}

package dev.enlace.platform.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Vacuums the queue tables ({@link VacuumConfig#tables()}) as soon as they hold {@link VacuumConfig#deadRows()}
 * dead row versions. Every webhook, event and store write leaves two or three of those behind, and until a
 * vacuum removes them each claim reads them again: with autovacuum off (as on the CI machines) the inbox claim
 * grew from 2 to 23 ms within two minutes at 1,000 webhooks a second, and even with autovacuum on its one-minute
 * nap lets 100,000 of them pile up. SKIP_LOCKED: a table that autovacuum or another replica is vacuuming is
 * left to it. No truncation: a queue that empties would be truncated each time, under an exclusive lock that
 * holds up every writer (171 ms per vacuum of the outbox at 1,000 events a second), for space reused at once.
 */
@ApplicationScoped
public class QueueTableVacuum {
    private static final Logger LOG = Logger.getLogger(QueueTableVacuum.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Pool pool;
    private final String[] tables;
    private final long deadRows;
    private final MeterRegistry metrics;

    public QueueTableVacuum(Pool pool, VacuumConfig config, MeterRegistry metrics) {
        for (String table : config.tables()) {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("enlace.vacuum.tables: '" + table + "' is not a plain table name");
            }
        }
        this.pool = pool;
        this.tables = config.tables().toArray(String[]::new);
        this.deadRows = config.deadRows();
        this.metrics = metrics;
    }

    @Scheduled(every = "${enlace.vacuum.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return vacuumDeadRows().onFailure().invoke(err -> LOG.warnf("vacuum of queue tables failed: %s", err.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return the tables vacuumed */
    public Uni<List<String>> vacuumDeadRows() {
        return pool.preparedQuery("SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                        + " AND relname = ANY($1) AND n_dead_tup >= $2")
                .execute(Tuple.of(tables, deadRows))
                .onItem().transformToMulti(rows -> {
                    List<String> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(row.getString("relname"));
                    }
                    return Multi.createFrom().iterable(due);
                })
                // one at a time: each takes a pool connection while it runs
                .onItem().transformToUniAndConcatenate(table -> pool.query("VACUUM (SKIP_LOCKED, TRUNCATE false) " + table).execute()
                        .invoke(() -> metrics.counter("enlace.vacuum.runs", "table", table).increment())
                        .replaceWith(table))
                .collect().asList();
    }
}

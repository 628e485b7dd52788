package dev.enlace.catalog.storesync;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.TenantSettings.Master;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code catalog_sync_run} rows: progress is written after every product, so any replica
 * answers how far a run got, and a run survives as a record after its replica is gone.
 */
@ApplicationScoped
public class SyncRuns {
    /** A run that has not moved for this long lost its replica; the next start takes over. */
    static final Duration ABANDONED = Duration.ofMinutes(2);

    private final Pool pool;

    public SyncRuns(Pool pool) {
        this.pool = pool;
    }

    /** @throws ApiException 409 when the tenant already has a live run */
    public Uni<SyncRun> open(String tenant, Master source, String sourceSystem, String targetSystem) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("UPDATE catalog_sync_run SET status = 'INTERRUPTED', finished_at = now()"
                        + " WHERE tenant = $1 AND status = 'RUNNING' AND updated_at < now() - make_interval(secs => $2)")
                .execute(Tuple.of(tenant, (double) ABANDONED.toSeconds()))
                .chain(() -> pool.preparedQuery("INSERT INTO catalog_sync_run (id, tenant, source_role, source_system,"
                                + " target_system, status, started_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'RUNNING', now(), now())"
                                + " ON CONFLICT DO NOTHING")
                        .execute(Tuple.tuple(List.of(id, tenant, source.name(), sourceSystem, targetSystem))))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().failure(ApiException.conflict("tenant '" + tenant + "' already has an initial sync running"))
                        : find(tenant, id).map(Optional::orElseThrow));
    }

    public Uni<Void> total(UUID id, int total) {
        return pool.preparedQuery("UPDATE catalog_sync_run SET total = $2, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, total)).replaceWithVoid();
    }

    public Uni<Void> progress(UUID id, int created, int skipped, int failed, String error) {
        return pool.preparedQuery("UPDATE catalog_sync_run SET created = created + $2, skipped = skipped + $3,"
                        + " failed = failed + $4, last_error = coalesce($5, last_error),"
                        + " first_done_at = coalesce(first_done_at, now()), updated_at = now() WHERE id = $1")
                .execute(Tuple.tuple(java.util.Arrays.asList(id, created, skipped, failed, error))).replaceWithVoid();
    }

    public Uni<Void> finish(UUID id, String status, String error) {
        return pool.preparedQuery("UPDATE catalog_sync_run SET status = $2, last_error = coalesce($3, last_error),"
                        + " finished_at = now(), updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, status, error)).replaceWithVoid();
    }

    public Uni<Optional<SyncRun>> find(String tenant, UUID id) {
        return pool.preparedQuery("SELECT *, now() AS at FROM catalog_sync_run WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /** Newest first. */
    public Uni<List<SyncRun>> list(String tenant, int limit) {
        return pool.preparedQuery("SELECT *, now() AS at FROM catalog_sync_run WHERE tenant = $1 ORDER BY started_at DESC LIMIT $2")
                .execute(Tuple.of(tenant, limit))
                .map(rows -> {
                    List<SyncRun> runs = new ArrayList<>();
                    rows.forEach(r -> runs.add(view(r)));
                    return runs;
                });
    }

    private static SyncRun view(Row r) {
        int created = r.getInteger("created");
        int skipped = r.getInteger("skipped");
        int failed = r.getInteger("failed");
        int done = created + skipped + failed;
        Integer total = r.getInteger("total");
        OffsetDateTime started = r.getOffsetDateTime("started_at");
        OffsetDateTime finished = r.getOffsetDateTime("finished_at");
        OffsetDateTime until = finished != null ? finished : r.getOffsetDateTime("at");
        RunProgress progress = RunProgress.of(done, total, Duration.between(started, until));
        return new SyncRun(r.getUUID("id"), r.getString("tenant"), Master.valueOf(r.getString("source_role")),
                r.getString("source_system"), r.getString("target_system"), r.getString("status"), total, done, created,
                skipped, failed, progress.productsPerSecond(), progress.remainingSeconds(), started, r.getOffsetDateTime("first_done_at"),
                finished, r.getString("last_error"));
    }
}

package dev.enlace.platform.failure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OP3: what kept failing, one row per (tenant, kind, reference), with the last reason and the
 * payload needed to try again. Recording the same thing again updates its row.
 */
@ApplicationScoped
public class FailureRecords {

    public enum Status { OPEN, RETRIED, RESOLVED }

    public record Failure(long id, String tenant, String kind, String reference, String reason, String payload,
            int attempts, Status status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    private final Pool pool;

    public FailureRecords(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(String tenant, String kind, String reference, String reason, String payload) {
        return pool.preparedQuery("INSERT INTO failure_record (tenant, kind, reference, reason, payload)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant, kind, reference) DO UPDATE"
                        + " SET reason = EXCLUDED.reason, payload = EXCLUDED.payload, status = 'OPEN',"
                        + " attempts = failure_record.attempts + 1, updated_at = now()")
                .execute(Tuple.of(tenant, kind, reference, reason, payload))
                .replaceWithVoid();
    }

    /** Marks a failure as no longer open, for example when the work later succeeded by itself. */
    public Uni<Void> resolve(String tenant, String kind, String reference) {
        return pool.preparedQuery("UPDATE failure_record SET status = 'RESOLVED', updated_at = now()"
                        + " WHERE tenant = $1 AND kind = $2 AND reference = $3 AND status <> 'RESOLVED'")
                .execute(Tuple.of(tenant, kind, reference))
                .replaceWithVoid();
    }

    public Uni<Void> markRetried(long id) {
        return pool.preparedQuery("UPDATE failure_record SET status = 'RETRIED', updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Back to OPEN after a retry that could not even be put in line. */
    public Uni<Void> reopen(long id) {
        return pool.preparedQuery("UPDATE failure_record SET status = 'OPEN', updated_at = now()"
                        + " WHERE id = $1 AND status = 'RETRIED'")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Optional<Failure>> find(long id) {
        return pool.preparedQuery("SELECT * FROM failure_record WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toFailure(rows.iterator().next())));
    }

    /** Newest first; {@code tenant} and {@code status} are optional filters. */
    public Uni<List<Failure>> list(String tenant, Status status, int page, int size) {
        return pool.preparedQuery("SELECT * FROM failure_record WHERE ($1::text IS NULL OR tenant = $1)"
                        + " AND ($2::text IS NULL OR status = $2) ORDER BY id DESC LIMIT $3 OFFSET $4")
                .execute(Tuple.of(tenant, status == null ? null : status.name(), size, page * size))
                .map(rows -> {
                    List<Failure> result = new ArrayList<>();
                    rows.forEach(r -> result.add(toFailure(r)));
                    return result;
                });
    }

    private static Failure toFailure(Row r) {
        return new Failure(r.getLong("id"), r.getString("tenant"), r.getString("kind"), r.getString("reference"),
                r.getString("reason"), r.getString("payload"), r.getInteger("attempts"),
                Status.valueOf(r.getString("status")), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }
}

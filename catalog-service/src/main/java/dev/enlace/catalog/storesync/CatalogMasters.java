package dev.enlace.catalog.storesync;

import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantSettings.Master;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The tenant's product master (CA4, CA5). The tenant file's {@code settings.catalog.master} is the
 * default; a finished initial sync, or a choice made through the API, is stored here and wins from
 * then on, because it must change at runtime without editing the file. Deleting the stored choice
 * gives the file its say back.
 */
@ApplicationScoped
public class CatalogMasters {

    /** @param source {@code tenant-file} or {@code runtime} */
    public record Choice(Master master, String source, UUID runId, OffsetDateTime chosenAt) {
    }

    private final Pool pool;

    public CatalogMasters(Pool pool) {
        this.pool = pool;
    }

    public Uni<Choice> of(Tenant tenant) {
        return pool.preparedQuery("SELECT master, run_id, chosen_at FROM catalog_master WHERE tenant = $1")
                .execute(Tuple.of(tenant.id()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Choice(tenant.settings().catalog().master(), "tenant-file", null, null);
                    }
                    Row r = rows.iterator().next();
                    return new Choice(Master.valueOf(r.getString("master")), "runtime", r.getUUID("run_id"),
                            r.getOffsetDateTime("chosen_at"));
                });
    }

    public Uni<Void> choose(String tenant, Master master, UUID runId) {
        return pool.preparedQuery("INSERT INTO catalog_master (tenant, master, run_id, chosen_at) VALUES ($1, $2, $3, now())"
                        + " ON CONFLICT (tenant) DO UPDATE SET master = EXCLUDED.master, run_id = EXCLUDED.run_id,"
                        + " chosen_at = EXCLUDED.chosen_at")
                .execute(Tuple.of(tenant, master.name(), runId))
                .replaceWithVoid();
    }

    public Uni<Void> forget(String tenant) {
        return pool.preparedQuery("DELETE FROM catalog_master WHERE tenant = $1").execute(Tuple.of(tenant)).replaceWithVoid();
    }
}

package dev.enlace.catalog.storesync;

import dev.enlace.platform.tenant.TenantSettings.Master;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An initial sync run (CA4) as the API shows it, while it runs and after.
 *
 * @param source           the side whose products are copied, which becomes the product master when the run ends
 * @param total            products the source listed; null while it is still being read
 * @param done             products handled so far: created + skipped (linked before) + failed
 * @param productsPerSecond done / seconds since the start
 * @param remainingSeconds estimate at the current rate; null until there is one
 */
public record SyncRun(UUID id, String tenant, Master source, String sourceSystem, String targetSystem, String status,
        Integer total, int done, int created, int skipped, int failed, double productsPerSecond, Long remainingSeconds,
        OffsetDateTime startedAt, OffsetDateTime firstDoneAt, OffsetDateTime finishedAt, String lastError) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";
}

package dev.enlace.catalog.sync;

import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.connectors.ProductChangeSignals;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantSettings;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CA5 by polling, for a product master that sends no product webhooks: at the tenant's {@code catalog.pollInterval}
 * the products changed since the last poll are read ({@link ProductCatalog#productsChangedSince}, the whole catalogue
 * for an ERP without such a filter, and on a service's first poll) and every product whose content is not
 * {@link EchoGuard#known known} is synced. The first poll of a tenant only takes the baseline, so connecting an ERP
 * does not push or create everything at once.
 */
@ApplicationScoped
public class ProductPolling {
    private static final Logger LOG = Logger.getLogger(ProductPolling.class);
    private static final int PARALLEL = 4;
    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final EchoGuard echo;
    private final ProductPush push;
    private final Vertx vertx;
    private final Map<String, Long> lastPoll = new ConcurrentHashMap<>();
    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

    public ProductPolling(Connectors connectors, TenantRegistry tenants, EchoGuard echo, ProductPush push, Vertx vertx) {
        this.connectors = connectors;
        this.tenants = tenants;
        this.echo = echo;
        this.push = push;
        this.vertx = vertx;
    }

    @Scheduled(every = "${enlace.catalog.poll-tick:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        long now = System.nanoTime();
        for (Tenant tenant : tenants.all()) {
            var settings = tenant.settings().catalog();
            String erp = tenant.erp().system();
            Long last = lastPoll.get(tenant.id());
            if (!Boolean.TRUE.equals(settings.enabled()) || settings.master() != TenantSettings.Master.ERP
                    || connectors.find(ProductChangeSignals.class, erp).isPresent()
                    || connectors.find(ProductCatalog.class, erp).isEmpty()
                    || (last != null && now - last < settings.pollInterval().toNanos()) || !polling.add(tenant.id())) {
                continue;
            }
            lastPoll.put(tenant.id(), now);
            IsolatedContext.run(vertx, () -> poll(tenant))
                    .eventually(() -> polling.remove(tenant.id()))
                    .subscribe().with(v -> { }, err -> LOG.warnf("polling the products of %s failed: %s", tenant.id(),
                            err.getMessage()));
        }
    }

    private Uni<Void> poll(Tenant tenant) {
        String causation = "product-poll:" + tenant.id();
        Connection erp = ProductPush.erpConnection(tenant);
        ProductCatalog catalog = connectors.require(ProductCatalog.class, erp.system());
        // a change made while this poll reads is stamped after its start, so the next poll asks from here
        Instant started = Instant.now();
        Cursor cursor = cursors.get(tenant.id());
        boolean incremental = cursor != null && cursor.erp().equals(erp);
        return echo.knowsAny(tenant.id(), erp.system()).chain(known -> {
            boolean baselineTaken = known || incremental;
            Multi<ProductSnapshot> read = incremental
                    ? catalog.productsChangedSince(erp, cursor.since().atZone(tenant.timezone()))
                    : catalog.products(erp);
            return read.onItem().transformToUni(product -> IsolatedContext.run(vertx, () -> baselineTaken
                            ? push.push(tenant, product, ProductPush.Mode.CHANGE, causation).replaceWithVoid()
                            : echo.remember(tenant.id(), product)))
                    .merge(PARALLEL)
                    .collect().last().replaceWithVoid();
        }).invoke(() -> cursors.put(tenant.id(), new Cursor(erp, started)));
    }

    /**
     * Where the next poll of a tenant reads from: the start of its last complete poll, for the ERP connection it
     * read (another account or price list starts over with a full read). Kept in memory: after a restart the first
     * poll reads everything again, which the echo guard makes cheap for Enlace.
     */
    private record Cursor(Connection erp, Instant since) {
    }
}

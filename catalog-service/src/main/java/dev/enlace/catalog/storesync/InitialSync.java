package dev.enlace.catalog.storesync;

import dev.enlace.catalog.sync.ProductPush;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantSettings.Master;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;


/**
 * CA4: copies the chosen source's catalogue to the other side as a run started through the API,
 * then makes the source the tenant's product master. The source is read whole first (so the run
 * knows its total), then each product is handled in its own context, a few at a time; the target's
 * rate limit sets the pace. Products linked before are skipped, so a run can be started again
 * after an interruption and only finishes the rest. A product that fails is counted, recorded as a
 * {@code product-sync} failure (retryable by hand) and does not stop the run.
 */
@ApplicationScoped
public class InitialSync {
    /** Products in flight at once: enough to overlap round trips, few enough to keep the order readable. */
    static final int PARALLEL = 4;
    private static final Logger LOG = Logger.getLogger(InitialSync.class);

    private final Connectors connectors;
    private final SyncRuns runs;
    private final CatalogMasters masters;
    private final StoreToErpSync storeToErp;
    private final ErpToStoreSkeletons erpToStore;
    private final Vertx vertx;

    public InitialSync(Connectors connectors, SyncRuns runs, CatalogMasters masters, StoreToErpSync storeToErp,
            ErpToStoreSkeletons erpToStore, Vertx vertx) {
        this.connectors = connectors;
        this.runs = runs;
        this.masters = masters;
        this.storeToErp = storeToErp;
        this.erpToStore = erpToStore;
        this.vertx = vertx;
    }

    /** Opens the run and starts it in the background; answers at once with its first state. */
    public Uni<SyncRun> start(Tenant tenant, Master source) {
        Connection from = source == Master.STORE ? tenant.store() : tenant.erp();
        Connection to = source == Master.STORE ? tenant.erp() : tenant.store();
        if (from == null || to == null) {
            return Uni.createFrom().failure(dev.enlace.platform.api.ApiException.unprocessable(
                    "tenant '" + tenant.id() + "' needs both a store and an ERP for an initial sync"));
        }
        // fail before opening a run when a side cannot take part
        ProductCatalog catalog = connectors.require(ProductCatalog.class, from.system());
        connectors.require(ProductWriter.class, to.system());
        return runs.open(tenant.id(), source, from.system(), to.system()).invoke(run -> IsolatedContext
                .run(vertx, () -> execute(tenant, source, catalog, run))
                .subscribe().with(v -> LOG.infof("initial sync %s of %s finished", run.id(), tenant.id()),
                        e -> LOG.errorf(e, "initial sync %s of %s failed", run.id(), tenant.id())));
    }

    private Uni<Void> execute(Tenant tenant, Master source, ProductCatalog catalog, SyncRun run) {
        Connection from = source == Master.STORE ? tenant.store() : ProductPush.erpConnection(tenant);
        String causation = "initial-sync:" + run.id();
        return catalog.products(from).collect().asList()
                .call(products -> runs.total(run.id(), products.size()))
                .chain(products -> Multi.createFrom().iterable(products)
                        .onItem().transformToUni(product -> IsolatedContext.run(vertx, () -> one(tenant, source, product, causation))
                                .chain(created -> runs.progress(run.id(), created ? 1 : 0, created ? 0 : 1, 0, null))
                                .onFailure().recoverWithUni(e -> runs.progress(run.id(), 0, 0, 1,
                                        StoreToErpSync.reference(product) + ": " + e.getMessage())))
                        .merge(PARALLEL)
                        .collect().last())
                .chain(() -> masters.choose(tenant.id(), source, run.id()))
                .chain(() -> runs.finish(run.id(), SyncRun.DONE, null))
                .onFailure().call(e -> runs.finish(run.id(), SyncRun.FAILED, String.valueOf(e.getMessage())));
    }

    private Uni<Boolean> one(Tenant tenant, Master source, ProductSnapshot product, String causation) {
        return source == Master.STORE
                ? storeToErp.createMissing(tenant, product, causation).map(o -> o.created() > 0)
                : erpToStore.createMissing(tenant, product, causation);
    }
}

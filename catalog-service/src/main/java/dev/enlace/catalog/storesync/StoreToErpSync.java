package dev.enlace.catalog.storesync;

import dev.enlace.catalog.domain.SyncStatus;

import dev.enlace.catalog.sync.EchoGuard;
import dev.enlace.catalog.sync.ProductPush;
import dev.enlace.platform.tenant.Connection;

import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductUpdated;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Store -> ERP product sync: CA4 with the store as source (inSales -> MoySklad), CA5 with the store
 * as master, CA6 (Jumpseller -> relBase). Each store variant has its ERP product
 * ({@link ProductSplit}); an unlinked one is created and linked (ProductLinked, method IMPORT, and
 * CA9 where the ERP keeps the store's product id), a linked one is updated. Every push publishes
 * the store product's full state as ProductUpdated and remembers both sides in the
 * {@link EchoGuard}. A failed push is recorded as a {@value SyncStatus#FAILURE_KIND} failure under
 * {@code <store system>:<product id>}, and resolved by the next push that succeeds.
 */
@ApplicationScoped
public class StoreToErpSync {
    private static final Logger LOG = Logger.getLogger(StoreToErpSync.class);

    /** What one push did to the store product's variants. */
    public record Outcome(int created, int updated, int skipped) {
    }

    private final Connectors connectors;
    private final Outbox outbox;
    private final FailureRecords failures;
    private final EchoGuard echoes;

    public StoreToErpSync(Connectors connectors, Outbox outbox, FailureRecords failures, EchoGuard echoes) {
        this.connectors = connectors;
        this.outbox = outbox;
        this.failures = failures;
        this.echoes = echoes;
    }

    /** CA4: creates what is not linked yet; linked variants are left alone. */
    public Uni<Outcome> createMissing(Tenant tenant, ProductSnapshot store, String causationId) {
        return sync(tenant, store, false, causationId);
    }

    /** CA5, CA6: creates what is not linked yet and updates what is. */
    public Uni<Outcome> push(Tenant tenant, ProductSnapshot store, String causationId) {
        return sync(tenant, store, true, causationId);
    }

    public static String reference(ProductSnapshot product) {
        return product.system() + ":" + product.productId();
    }

    private Uni<Outcome> sync(Tenant tenant, ProductSnapshot store, boolean updateLinked, String causationId) {
        ProductWriter writer = connectors.require(ProductWriter.class, tenant.erp().system());
        // CA7: the store price goes into the tenant's chosen ERP price list / price type
        Connection erpConnection = ProductPush.erpConnection(tenant);
        ProductWriter.WriteOptions options = new ProductWriter.WriteOptions(false,
                Boolean.TRUE.equals(tenant.settings().catalog().syncImages()));
        List<ProductSnapshot> parts = ProductSplit.perVariant(store);
        int[] counts = new int[3];
        return Panache.withSession(() -> ProductLink.<ProductLink>list("tenant = ?1 and storeSystem = ?2 and storeProductId = ?3",
                        tenant.id(), store.system(), store.productId()))
                .map(links -> links.stream().collect(Collectors.toMap(l -> l.storeVariantId, Function.identity(), (a, b) -> a)))
                .chain(linked -> Multi.createFrom().iterable(parts)
                        .onItem().transformToUniAndConcatenate(part -> {
                            ProductLink link = linked.get(variantKey(part));
                            if (link == null) {
                                counts[0]++;
                                return writer.create(erpConnection, part, options)
                                        .call(erp -> link(tenant, store, part, erp, causationId));
                            }
                            if (!updateLinked) {
                                counts[2]++;
                                return Uni.createFrom().nullItem();
                            }
                            counts[1]++;
                            return writer.update(erpConnection, link.erpProductId, part, options);
                        })
                        .onItem().call(erp -> echoes.remember(tenant.id(), erp))
                        .collect().last())
                .chain(() -> counts[0] + counts[1] == 0 ? Uni.createFrom().voidItem() : Panache.withTransaction(() ->
                        outbox.publish(tenant.id(), reference(store), new ProductUpdated(tenant.id(), store,
                                OffsetDateTime.now(ZoneOffset.UTC)), causationId)))
                .call(() -> echoes.remember(tenant.id(), store))
                .call(() -> failures.resolve(tenant.id(), SyncStatus.FAILURE_KIND, reference(store)))
                .map(v -> new Outcome(counts[0], counts[1], counts[2]))
                .onFailure().call(e -> failures.record(tenant.id(), SyncStatus.FAILURE_KIND, reference(store),
                        String.valueOf(e.getMessage()), reference(store)));
    }

    /** The new ERP product is linked to the store variant it was made from, in one transaction with ProductLinked. */
    private Uni<Void> link(Tenant tenant, ProductSnapshot store, ProductSnapshot part, ProductSnapshot erp,
            String causationId) {
        ProductSnapshot.VariantSnapshot storeVariant = part.variants().isEmpty() ? null : part.variants().get(0);
        ProductSnapshot.VariantSnapshot erpVariant = erp.variants().isEmpty() ? null : erp.variants().get(0);
        String sku = storeVariant != null && storeVariant.sku() != null ? storeVariant.sku()
                : erpVariant != null && erpVariant.sku() != null ? erpVariant.sku() : "";
        ProductLink link = new ProductLink();
        link.tenant = tenant.id();
        link.sku = sku;
        link.erpSystem = erp.system();
        link.erpProductId = erp.productId();
        link.erpVariantId = erpVariant != null && erpVariant.variantId() != null ? erpVariant.variantId() : erp.productId();
        link.storeSystem = store.system();
        link.storeProductId = store.productId();
        link.storeVariantId = variantKey(part);
        link.method = LinkMethod.IMPORT;
        link.linkedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ProductLinked event = new ProductLinked(tenant.id(), sku,
                new ExternalRef(link.erpSystem, link.erpProductId, link.erpVariantId),
                new ExternalRef(store.system(), store.productId(), storeVariant == null ? null : storeVariant.variantId()),
                LinkMethod.IMPORT, link.linkedAt);
        return Panache.withTransaction(() -> link.persist()
                        .chain(() -> outbox.publish(tenant.id(), sku.isEmpty() ? reference(store) : sku, event, causationId)))
                .chain(() -> keepExternalId(tenant, store, erp));
    }

    /**
     * CA9: the ERP's own field holds the store product id where it has one (MoySklad's "inSales product
     * ID"), for a store product with one variant only: split products would all claim the same id. A
     * failure here does not undo the link, which Enlace's table already holds.
     */
    private Uni<Void> keepExternalId(Tenant tenant, ProductSnapshot store, ProductSnapshot erp) {
        if (store.variants().size() > 1) {
            return Uni.createFrom().voidItem();
        }
        return connectors.find(ErpProductLinks.class, erp.system())
                .map(links -> links.keep(tenant.erp(), erp.productId(), store.productId())
                        .onFailure().invoke(e -> LOG.warnf("CA9: could not write %s's store product id into %s %s: %s",
                                tenant.id(), erp.system(), erp.productId(), e.getMessage()))
                        .onFailure().recoverWithNull())
                .orElse(Uni.createFrom().voidItem());
    }

    /** The link table's store variant id: empty for a product without separate variants. */
    static String variantKey(ProductSnapshot part) {
        String id = part.variants().isEmpty() ? null : part.variants().get(0).variantId();
        return id == null ? "" : id;
    }
}

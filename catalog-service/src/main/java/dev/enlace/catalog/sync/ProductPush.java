package dev.enlace.catalog.sync;

import dev.enlace.catalog.domain.SyncStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductSnapshot.VariantSnapshot;
import dev.enlace.events.ProductUpdated;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.PriceListChoice;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.connectors.ProductWriter;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One ERP product to the store, with the ERP as product master (CA3, CA5, CA11): updates the linked store product,
 * or creates it (disabled, CA3) and links each variant by import. Every success publishes the ERP product's full
 * state as ProductUpdated and is remembered by the {@link EchoGuard}; a failure is recorded as a
 * {@value SyncStatus#FAILURE_KIND} failure {@code <system>:<productId>}, resolved by the next success (CA10 reads them).
 */
@ApplicationScoped
public class ProductPush {
    private static final Logger LOG = Logger.getLogger(ProductPush.class);

    /**
     * IMPORT (CA3): create what is not linked yet, leave linked products alone. CHANGE (CA5): sync what changed;
     * create products new to Enlace. FORCE (CA11): write every linked product again, changed or not.
     */
    public enum Mode { IMPORT, CHANGE, FORCE }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED }

    private final Connectors connectors;
    /** A claim older than this was left by a crash between the store's create and the links (a create takes seconds). */
    static final Duration CLAIM_EXPIRY = Duration.ofMinutes(10);

    private final ProductLinkRepository links;
    private final Outbox outbox;
    private final EchoGuard echo;
    private final FailureRecords failures;
    private final ObjectMapper mapper;

    public ProductPush(Connectors connectors, ProductLinkRepository links, Outbox outbox, EchoGuard echo,
            FailureRecords failures, ObjectMapper mapper) {
        this.connectors = connectors;
        this.links = links;
        this.outbox = outbox;
        this.echo = echo;
        this.failures = failures;
        this.mapper = mapper;
    }

    /** The ERP connection product reads use: with the tenant's price list (CA7). */
    public static Connection erpConnection(Tenant tenant) {
        return PriceListChoice.apply(tenant.erp(), tenant.settings().catalog().priceList());
    }

    public static String reference(ProductSnapshot erp) {
        return erp.system() + ":" + erp.productId();
    }

    public Uni<Outcome> push(Tenant tenant, ProductSnapshot erp, Mode mode, String causation) {
        Uni<Boolean> unchanged = mode == Mode.CHANGE ? echo.known(tenant.id(), erp) : Uni.createFrom().item(false);
        return unchanged.chain(known -> known ? Uni.createFrom().item(Outcome.UNCHANGED) : write(tenant, erp, mode, causation))
                .call(outcome -> outcome == Outcome.CREATED || outcome == Outcome.UPDATED
                        ? failures.resolve(tenant.id(), SyncStatus.FAILURE_KIND, reference(erp)) : Uni.createFrom().voidItem())
                .onFailure().recoverWithUni(err -> {
                    LOG.warnf("product %s of tenant %s not synced: %s", reference(erp), tenant.id(), err.getMessage());
                    return failures.record(tenant.id(), SyncStatus.FAILURE_KIND, reference(erp), String.valueOf(err.getMessage()),
                            json(erp)).replaceWith(Outcome.FAILED);
                });
    }

    private Uni<Outcome> write(Tenant tenant, ProductSnapshot erp, Mode mode, String causation) {
        Set<String> skus = erp.variants().stream().map(VariantSnapshot::sku).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return Panache.withSession(() -> links.list("tenant = ?1 and erpSystem = ?2 and (erpProductId = ?3 or sku in ?4)",
                        tenant.id(), erp.system(), erp.productId(), skus.isEmpty() ? Set.of("") : skus))
                .chain(found -> {
                    List<ProductLink> own = found.stream().filter(l -> erp.productId().equals(l.erpProductId)).toList();
                    if (!own.isEmpty()) {
                        return mode == Mode.IMPORT ? Uni.createFrom().item(Outcome.SKIPPED)
                                : update(tenant, erp, own, causation);
                    }
                    boolean linkedElsewhere = !found.isEmpty();
                    boolean everyVariantHasSku = !erp.variants().isEmpty()
                            && erp.variants().stream().allMatch(v -> v.sku() != null);
                    if (mode == Mode.FORCE || linkedElsewhere || !everyVariantHasSku) {
                        return Uni.createFrom().item(Outcome.SKIPPED);
                    }
                    // CA5 creates only products Enlace never saw: one unlinked by hand stays out of the store
                    Uni<Boolean> fresh = mode == Mode.IMPORT ? Uni.createFrom().item(true)
                            : Panache.withSession(() -> ProductKnownState.findById(
                                    ProductKnownState.key(tenant.id(), erp.system(), erp.productId()))).map(Objects::isNull);
                    return fresh.chain(isNew -> isNew ? create(tenant, erp, causation) : Uni.createFrom().item(Outcome.SKIPPED));
                });
    }

    private Uni<Outcome> update(Tenant tenant, ProductSnapshot erp, List<ProductLink> own, String causation) {
        ProductWriter writer = connectors.require(ProductWriter.class, tenant.store().system());
        return writer.update(tenant.store(), own.get(0).storeProductId, erp, options(tenant, false))
                .chain(store -> record(tenant, erp, store, own, causation))
                .replaceWith(Outcome.UPDATED);
    }

    /**
     * Creates the store product once: only the push that claims it creates, and only if the product is still
     * unlinked once claimed (another push may have created and linked it since this one looked). A failed create
     * gives the claim back; the claim itself goes with the links, in {@link #record}.
     */
    private Uni<Outcome> create(Tenant tenant, ProductSnapshot erp, String causation) {
        ProductWriter writer = connectors.require(ProductWriter.class, tenant.store().system());
        return claim(tenant, erp).chain(claimed -> !claimed ? Uni.createFrom().item(Outcome.SKIPPED)
                : Panache.withSession(() -> links.count("tenant = ?1 and erpSystem = ?2 and erpProductId = ?3",
                                tenant.id(), erp.system(), erp.productId()))
                        .chain(linked -> linked > 0 ? release(tenant, erp).replaceWith(Outcome.SKIPPED)
                                : writer.create(tenant.store(), erp, options(tenant, true))
                                        .chain(store -> record(tenant, erp, store, List.of(), causation))
                                        .replaceWith(Outcome.CREATED)
                                        .onFailure().call(() -> release(tenant, erp))));
    }

    private Uni<Boolean> claim(Tenant tenant, ProductSnapshot erp) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO product_create_claim (tenant, erp_system, erp_product_id, claimed_at)"
                                + " VALUES (?1, ?2, ?3, now()) ON CONFLICT (tenant, erp_system, erp_product_id) DO UPDATE"
                                + " SET claimed_at = now() WHERE product_create_claim.claimed_at < now() - make_interval(secs => ?4)")
                .setParameter(1, tenant.id()).setParameter(2, erp.system()).setParameter(3, erp.productId())
                .setParameter(4, (double) CLAIM_EXPIRY.toSeconds())
                .executeUpdate()))
                .map(rows -> rows > 0);
    }

    private Uni<Void> release(Tenant tenant, ProductSnapshot erp) {
        return Panache.withTransaction(() -> unclaim(tenant, erp));
    }

    private Uni<Void> unclaim(Tenant tenant, ProductSnapshot erp) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM product_create_claim"
                        + " WHERE tenant = ?1 AND erp_system = ?2 AND erp_product_id = ?3")
                .setParameter(1, tenant.id()).setParameter(2, erp.system()).setParameter(3, erp.productId())
                .executeUpdate()).replaceWithVoid();
    }

    private ProductWriter.WriteOptions options(Tenant tenant, boolean creating) {
        // CA8: an ERP that keeps no images (Bsale) must not empty the store's galleries
        boolean images = tenant.settings().catalog().syncImages() && connectors.find(ProductCatalog.class,
                tenant.erp().system()).map(ProductCatalog::keepsImages).orElse(false);
        // CA3: new store products stay hidden until the shop owner shows them
        return new ProductWriter.WriteOptions(creating, images);
    }

    /** Links variants new to the store by SKU, announces the product, and remembers both sides' content. */
    private Uni<Void> record(Tenant tenant, ProductSnapshot erp, ProductSnapshot store, List<ProductLink> existing,
            String causation) {
        Set<String> linkedErp = existing.stream().map(l -> l.erpVariantId).collect(Collectors.toCollection(HashSet::new));
        Map<String, VariantSnapshot> storeBySku = store.variants().stream().filter(v -> v.sku() != null)
                .collect(Collectors.toMap(VariantSnapshot::sku, Function.identity(), (a, b) -> a));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ProductLinked> linked = new ArrayList<>();
        List<ProductLink> rows = new ArrayList<>();
        for (VariantSnapshot v : erp.variants()) {
            VariantSnapshot target = v.sku() == null ? null : storeBySku.get(v.sku());
            if (target == null || linkedErp.contains(v.variantId())) {
                continue;
            }
            ExternalRef erpRef = new ExternalRef(erp.system(), erp.productId(), v.variantId());
            ExternalRef storeRef = new ExternalRef(store.system(), store.productId(), target.variantId());
            ProductLink link = new ProductLink();
            link.tenant = tenant.id();
            link.sku = v.sku();
            link.erpSystem = erp.system();
            link.erpProductId = erp.productId();
            link.erpVariantId = v.variantId();
            link.storeSystem = store.system();
            link.storeProductId = store.productId();
            link.storeVariantId = target.variantId() == null ? "" : target.variantId();
            link.method = LinkMethod.IMPORT;
            link.linkedAt = now;
            rows.add(link);
            linked.add(new ProductLinked(tenant.id(), v.sku(), erpRef, storeRef, LinkMethod.IMPORT, now));
        }
        return Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < rows.size(); i++) {
                ProductLink row = rows.get(i);
                ProductLinked event = linked.get(i);
                chain = chain.chain(() -> links.persist(row))
                        .chain(() -> outbox.publish(tenant.id(), event.sku(), event, causation));
            }
            return chain.chain(() -> outbox.publish(tenant.id(), reference(erp), new ProductUpdated(tenant.id(), erp, now),
                            causation))
                    .chain(() -> echo.remember(tenant.id(), store))
                    .chain(() -> echo.remember(tenant.id(), erp))
                    .chain(() -> existing.isEmpty() ? unclaim(tenant, erp) : Uni.createFrom().voidItem());
        });
    }

    private String json(ProductSnapshot erp) {
        try {
            return mapper.writeValueAsString(erp);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

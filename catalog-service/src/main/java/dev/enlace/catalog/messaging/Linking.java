package dev.enlace.catalog.messaging;

import dev.enlace.catalog.domain.SkuMatcher;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.ProductUnlinked;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes and removes links, whatever their method (CA1, CA2, CA9): the row, its event on
 * enlace.catalog.v1 through the outbox and, where the ERP keeps links in a field of its own, the
 * queued write of that field all happen in the caller's transaction.
 */
@ApplicationScoped
public class Linking {
    /** Links per transaction in {@link #linkAll}. */
    public static final int CHUNK = 500;
    private static final int LINK_COLUMNS = 10;
    private final ProductLinkRepository links;
    private final Outbox outbox;
    private final Connectors connectors;

    public Linking(ProductLinkRepository links, Outbox outbox, Connectors connectors) {
        this.links = links;
        this.outbox = outbox;
        this.connectors = connectors;
    }

    /** Call inside {@code Panache.withTransaction}. */
    public Uni<ProductLink> link(Tenant tenant, String sku, ExternalRef erp, ExternalRef store, LinkMethod method) {
        ProductLink link = new ProductLink();
        link.tenant = tenant.id();
        link.sku = sku;
        link.erpSystem = erp.system();
        link.erpProductId = erp.productId();
        link.erpVariantId = erp.variantId();
        link.storeSystem = store.system();
        link.storeProductId = store.productId();
        link.storeVariantId = store.variantId() == null ? "" : store.variantId();
        link.method = method;
        link.linkedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ProductLinked event = new ProductLinked(tenant.id(), sku, erp, store, method, link.linkedAt);
        // a link read back from the ERP's field is already written there
        Uni<Void> erpField = method == LinkMethod.EXTERNAL_ID ? Uni.createFrom().voidItem()
                : queueErpWrite(tenant, erp.system(), erp.productId());
        return links.persist(link)
                .chain(() -> outbox.publish(tenant.id(), sku, event, null))
                .chain(() -> erpField)
                .replaceWith(link);
    }

    /**
     * Links every pair, {@value #CHUNK} at a time, each chunk in a transaction of its own (or in the caller's,
     * where there is one): its links with one multi-row INSERT, their events with one {@link Outbox#publishAll}.
     * So a large CA1 run's first events leave as soon as its first chunk commits, not after the last one. A pair
     * one of whose variants is linked by then (a concurrent run, a manual link, a crashed run's committed chunks)
     * is left out by the database and announced by no one: each link is made, and announced, once. Answers how
     * many links were made.
     */
    public Uni<Integer> linkAll(Tenant tenant, List<SkuMatcher.Pair> pairs, LinkMethod method) {
        List<List<SkuMatcher.Pair>> chunks = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += CHUNK) {
            chunks.add(pairs.subList(from, Math.min(pairs.size(), from + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> Panache.withTransaction(() -> linkChunk(tenant, chunk, method)))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> linkChunk(Tenant tenant, List<SkuMatcher.Pair> chunk, LinkMethod method) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder("INSERT INTO product_link (tenant, sku, erp_system, erp_product_id,"
                + " erp_variant_id, store_system, store_product_id, store_variant_id, method, linked_at) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int p = 1; p <= LINK_COLUMNS; p++) {
                sql.append(p == 1 ? "?" : ", ?").append(i * LINK_COLUMNS + p);
            }
            sql.append(')');
        }
        // either unique constraint (ERP variant, store variant) drops the pair: it is someone else's link already
        sql.append(" ON CONFLICT DO NOTHING RETURNING erp_variant_id");
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                ExternalRef erp = chunk.get(i).erp().ref();
                ExternalRef store = chunk.get(i).store().ref();
                Object[] values = {tenant.id(), chunk.get(i).sku(), erp.system(), erp.productId(), erp.variantId(),
                        store.system(), store.productId(), store.variantId() == null ? "" : store.variantId(),
                        method.name(), now};
                for (int p = 0; p < LINK_COLUMNS; p++) {
                    insert.setParameter(i * LINK_COLUMNS + p + 1, values[p]);
                }
            }
            return insert.getResultList();
        }).chain(inserted -> {
            Set<String> made = new HashSet<>();
            inserted.forEach(id -> made.add(String.valueOf(id)));
            List<SkuMatcher.Pair> linked = chunk.stream().filter(p -> made.contains(p.erp().ref().variantId())).toList();
            List<Outbox.Pending> events = linked.stream().map(p -> new Outbox.Pending(p.sku(), new ProductLinked(
                    tenant.id(), p.sku(), p.erp().ref(), p.store().ref(), method, now))).toList();
            Uni<Void> erpFields = Uni.createFrom().voidItem();
            // a link read back from the ERP's field is already written there
            if (method != LinkMethod.EXTERNAL_ID) {
                Map<String, String> products = new LinkedHashMap<>();
                linked.forEach(p -> products.put(p.erp().ref().productId(), p.erp().ref().system()));
                for (Map.Entry<String, String> product : products.entrySet()) {
                    erpFields = erpFields.chain(() -> queueErpWrite(tenant, product.getValue(), product.getKey()));
                }
            }
            Uni<Void> queued = erpFields;
            return outbox.publishAll(tenant.id(), events, null).chain(() -> queued).replaceWith(linked.size());
        });
    }

    /** Call inside {@code Panache.withTransaction}. */
    public Uni<Void> unlink(Tenant tenant, ProductLink link, String reason) {
        ProductUnlinked event = new ProductUnlinked(tenant.id(), link.sku, erpRef(link), storeRef(link), reason,
                OffsetDateTime.now(ZoneOffset.UTC));
        return links.delete(link)
                .chain(() -> outbox.publish(tenant.id(), link.sku, event, null))
                .chain(() -> queueErpWrite(tenant, link.erpSystem, link.erpProductId));
    }

    /** CA9: whether the tenant's ERP keeps each link in a field of its own product. */
    public boolean keptInErp(Tenant tenant) {
        return connectors.find(ErpProductLinks.class, tenant.erp().system()).isPresent();
    }

    public static ExternalRef erpRef(ProductLink link) {
        return new ExternalRef(link.erpSystem, link.erpProductId == null ? "" : link.erpProductId, link.erpVariantId);
    }

    public static ExternalRef storeRef(ProductLink link) {
        return new ExternalRef(link.storeSystem, link.storeProductId,
                link.storeVariantId.isEmpty() ? null : link.storeVariantId);
    }

    /** A store variant's key in link lookups: product and variant id, '' for none. */
    public static String storeKey(String productId, String variantId) {
        return productId + "/" + (variantId == null ? "" : variantId);
    }

    private Uni<Void> queueErpWrite(Tenant tenant, String erpSystem, String erpProductId) {
        if (erpProductId == null || !erpSystem.equals(tenant.erp().system()) || !keptInErp(tenant)) {
            return Uni.createFrom().voidItem();
        }
        // a newer queued_at tells a write in flight that it must run again (ErpLinkWriter)
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO erp_link_write"
                                + " (tenant, erp_system, erp_product_id) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (tenant, erp_system, erp_product_id) DO UPDATE SET"
                                + " queued_at = clock_timestamp(), attempts = 0, next_attempt_at = now(), last_error = NULL")
                        .setParameter(1, tenant.id()).setParameter(2, erpSystem).setParameter(3, erpProductId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

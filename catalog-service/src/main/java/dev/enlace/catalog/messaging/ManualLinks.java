package dev.enlace.catalog.messaging;

import dev.enlace.catalog.api.ManualLinkRequest;
import dev.enlace.catalog.domain.ExternalIdPairing;
import dev.enlace.catalog.persistence.ProductLink;
import dev.enlace.catalog.persistence.ProductLinkRepository;
import dev.enlace.catalog.persistence.SeenVariants;
import dev.enlace.catalog.persistence.Side;
import dev.enlace.events.LinkMethod;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** CA2: a link made or removed by a person, checked against what each side really has. */
@ApplicationScoped
public class ManualLinks {
    private final SeenVariants seen;
    private final CatalogReads reads;
    private final ProductLinkRepository links;
    private final Linking linking;
    private final ErpLinkWriter erpLinkWriter;

    public ManualLinks(SeenVariants seen, CatalogReads reads, ProductLinkRepository links, Linking linking,
            ErpLinkWriter erpLinkWriter) {
        this.seen = seen;
        this.reads = reads;
        this.links = links;
        this.linking = linking;
        this.erpLinkWriter = erpLinkWriter;
    }

    /** @throws ApiException 404 for a variant neither side has, 409 when either one is linked already */
    public Uni<ProductLink> link(Tenant tenant, ManualLinkRequest request) {
        Uni<CatalogVariant> erp = variant(tenant, Side.ERP, request.erp().productId(), request.erp().variantId());
        Uni<CatalogVariant> store = variant(tenant, Side.STORE, request.store().productId(), request.store().variantId());
        return Uni.combine().all().unis(erp, store).asTuple()
                .chain(both -> Panache.withTransaction(() -> links.ofErpVariant(tenant.id(), both.getItem1().ref())
                        .chain(byErp -> links.ofStoreVariant(tenant.id(), both.getItem2().ref()).chain(byStore -> {
                            if (byErp != null || byStore != null) {
                                ProductLink taken = byErp != null ? byErp : byStore;
                                throw ApiException.conflict((byErp != null ? "the ERP" : "the store")
                                        + " variant is already linked (link " + taken.id + ", SKU " + taken.sku
                                        + "); unlink it first");
                            }
                            return linking.link(tenant, ExternalIdPairing.skuOf(both.getItem1(), both.getItem2()),
                                    both.getItem1().ref(), both.getItem2().ref(), LinkMethod.MANUAL);
                        }))))
                .onFailure(ManualLinks::uniqueViolation).transform(err -> ApiException.conflict(
                        "one of the variants was linked meanwhile; unlink it first"))
                .invoke(erpLinkWriter::trigger);
    }

    /** @throws ApiException 404 for a link the tenant does not have */
    public Uni<Void> unlink(Tenant tenant, long linkId) {
        return Panache.withTransaction(() -> links.ofTenant(tenant.id(), linkId).chain(link -> {
            if (link == null) {
                throw ApiException.notFound("tenant '" + tenant.id() + "' has no link " + linkId);
            }
            return linking.unlink(tenant, link, "unlinked by hand");
        })).invoke(erpLinkWriter::trigger);
    }

    // what the lists showed last, else what the system has now: a variant created since is found too
    private Uni<CatalogVariant> variant(Tenant tenant, Side side, String productId, String variantId) {
        String system = side == Side.ERP ? tenant.erp().system() : tenant.store().system();
        return seen.find(tenant.id(), side, system, productId, variantId)
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : reads.read(tenant, side).chain(() -> seen.find(tenant.id(), side, system, productId, variantId)))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("the " + system + " "
                        + (side == Side.ERP ? "ERP" : "store") + " has no variant " + describe(productId, variantId))));
    }

    private static String describe(String productId, String variantId) {
        return Optional.ofNullable(variantId).map(v -> v + (productId == null ? "" : " of product " + productId))
                .orElse("of product " + productId + " without variants");
    }

    private static boolean uniqueViolation(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("product_link_erp") || message.contains("product_link_store")) {
                return true;
            }
        }
        return false;
    }
}

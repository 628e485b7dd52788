package dev.enlace.catalog.persistence;

import dev.enlace.events.ExternalRef;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ProductLinkRepository implements PanacheRepository<ProductLink> {

    public Uni<List<ProductLink>> ofTenant(String tenant) {
        return list("tenant", Sort.by("sku"), tenant);
    }

    public Uni<List<ProductLink>> page(String tenant, int page, int size) {
        return find("tenant", Sort.by("sku"), tenant).page(Page.of(page, size)).list();
    }

    /** The tenant's link with this id, or null. */
    public Uni<ProductLink> ofTenant(String tenant, long id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The link of this ERP variant, or null. */
    public Uni<ProductLink> ofErpVariant(String tenant, ExternalRef erp) {
        return find("tenant = ?1 and erpSystem = ?2 and erpVariantId = ?3", tenant, erp.system(), erp.variantId())
                .firstResult();
    }

    /** The link of this store variant, or null. */
    public Uni<ProductLink> ofStoreVariant(String tenant, ExternalRef store) {
        return find("tenant = ?1 and storeSystem = ?2 and storeProductId = ?3 and storeVariantId = ?4", tenant,
                store.system(), store.productId(), store.variantId() == null ? "" : store.variantId()).firstResult();
    }
}

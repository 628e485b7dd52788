package dev.enlace.catalog.persistence;

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
}

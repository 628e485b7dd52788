package dev.enlace.catalog.sync;

import dev.enlace.events.ProductSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * No loops (CA5, CA6), for both directions of product sync: after Enlace writes a product to a system it
 * {@link #remember}s what that system now holds, and after it synced a change it remembers the source's state.
 * A change read later (webhook or poll) whose content is {@link #known} is Enlace's own echo, or nothing new, and
 * is not synced again. Compares {@link ProductContent} hashes; runs in the caller's transaction where there is one.
 */
@ApplicationScoped
public class EchoGuard {

    /** Whether this is exactly the content Enlace last wrote to / synced from that system. */
    public Uni<Boolean> known(String tenant, ProductSnapshot product) {
        String hash = ProductContent.hash(product);
        return Panache.withSession(() -> ProductKnownState.<ProductKnownState>findById(
                        ProductKnownState.key(tenant, product.system(), product.productId())))
                .map(state -> state != null && state.contentHash.equals(hash));
    }

    public Uni<Void> remember(String tenant, ProductSnapshot product) {
        ProductKnownState state = new ProductKnownState();
        state.id = ProductKnownState.key(tenant, product.system(), product.productId());
        state.tenant = tenant;
        state.system = product.system();
        state.productId = product.productId();
        state.contentHash = ProductContent.hash(product);
        state.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.merge(state))).replaceWithVoid();
    }

    /** Whether Enlace knows any product of that system for the tenant yet (a first poll only takes a baseline). */
    public Uni<Boolean> knowsAny(String tenant, String system) {
        return Panache.withSession(() -> ProductKnownState.count("tenant = ?1 and system = ?2", tenant, system))
                .map(n -> n > 0);
    }
}

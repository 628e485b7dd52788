package dev.enlace.catalog.sync;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A product's last content as Enlace wrote or synced it, per system (see {@link EchoGuard}). */
@Entity
@Table(name = "product_known_state")
public class ProductKnownState extends PanacheEntityBase {
    /** {@code <tenant>/<system>/<productId>}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String system;

    @Column(name = "product_id", nullable = false)
    public String productId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    static String key(String tenant, String system, String productId) {
        return tenant + "/" + system + "/" + productId;
    }
}

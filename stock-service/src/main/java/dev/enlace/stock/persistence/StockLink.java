package dev.enlace.stock.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** Stock-service's copy of a link, from ProductLinked: where an ERP variant's stock goes in the store. */
@Entity
@Table(name = "stock_link")
@IdClass(StockLink.Key.class)
public class StockLink extends PanacheEntityBase {
    @Id
    public String tenant;

    @Id
    @Column(name = "erp_variant_id")
    public String erpVariantId;

    @Column(nullable = false)
    public String sku;

    @Column(name = "store_system", nullable = false)
    public String storeSystem;

    @Column(name = "store_product_id", nullable = false)
    public String storeProductId;

    @Column(name = "store_variant_id", nullable = false)
    public String storeVariantId;

    @Column(name = "linked_at", nullable = false)
    public OffsetDateTime linkedAt;

    public record Key(String tenant, String erpVariantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}

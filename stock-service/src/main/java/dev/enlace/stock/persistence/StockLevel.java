package dev.enlace.stock.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The last stock of an ERP variant that Enlace announced: a change is only announced once. */
@Entity
@Table(name = "stock_level")
@IdClass(StockLevel.Key.class)
public class StockLevel extends PanacheEntityBase {
    @Id
    public String tenant;

    @Id
    @Column(name = "erp_variant_id")
    public String erpVariantId;

    @Column(name = "erp_system", nullable = false)
    public String erpSystem;

    @Column(name = "erp_product_id")
    public String erpProductId;

    public String sku;

    @Column(nullable = false)
    public String scope;

    @Column(name = "erp_quantity")
    public BigDecimal erpQuantity;

    @Column(nullable = false)
    public long available;

    @Column(nullable = false)
    public boolean unlimited;

    @Column(name = "observed_at", nullable = false)
    public OffsetDateTime observedAt;

    public record Key(String tenant, String erpVariantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}

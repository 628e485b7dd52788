package dev.enlace.catalog.persistence;

import dev.enlace.events.LinkMethod;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One ERP variant linked to one store variant (CA1, CA2); each side is linked at most once. */
@Entity
@Table(name = "product_link")
public class ProductLink extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String sku;

    @Column(name = "erp_system", nullable = false)
    public String erpSystem;

    @Column(name = "erp_product_id")
    public String erpProductId;

    @Column(name = "erp_variant_id", nullable = false)
    public String erpVariantId;

    @Column(name = "store_system", nullable = false)
    public String storeSystem;

    @Column(name = "store_product_id", nullable = false)
    public String storeProductId;

    @Column(name = "store_variant_id", nullable = false)
    public String storeVariantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkMethod method;

    @Column(name = "linked_at", nullable = false)
    public OffsetDateTime linkedAt;
}

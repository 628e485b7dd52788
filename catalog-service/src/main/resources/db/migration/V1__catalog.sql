-- CA1/CA2: each ERP variant and each store variant is linked at most once per tenant.
CREATE TABLE product_link (
    id               BIGSERIAL PRIMARY KEY,
    tenant           VARCHAR(80)  NOT NULL,
    sku              VARCHAR(200) NOT NULL,
    erp_system       VARCHAR(40)  NOT NULL,
    erp_product_id   VARCHAR(80),
    erp_variant_id   VARCHAR(80)  NOT NULL,
    store_system     VARCHAR(40)  NOT NULL,
    store_product_id VARCHAR(80)  NOT NULL,
    store_variant_id VARCHAR(80)  NOT NULL,
    method           VARCHAR(16)  NOT NULL,
    linked_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT product_link_erp UNIQUE (tenant, erp_system, erp_variant_id),
    CONSTRAINT product_link_store UNIQUE (tenant, store_system, store_product_id, store_variant_id)
);

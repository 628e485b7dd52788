-- CA2, CA10: every variant catalog-service has seen on either side, refreshed at each link-by-SKU
-- run and each CA2 listing. variant_id is '' where a store product has no separate variants.
CREATE TABLE catalog_variant (
    tenant     VARCHAR(80)  NOT NULL,
    side       VARCHAR(8)   NOT NULL,
    system     VARCHAR(40)  NOT NULL,
    product_id VARCHAR(80)  NOT NULL,
    variant_id VARCHAR(80)  NOT NULL,
    sku        VARCHAR(200),
    name       VARCHAR(500),
    seen_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant, side, system, product_id, variant_id)
);
CREATE INDEX catalog_variant_variant ON catalog_variant (tenant, side, system, variant_id);
CREATE INDEX catalog_variant_sku ON catalog_variant (tenant, sku);

-- CA2: each ERP variant's stock in an office (branch), as read at the last listing of that office.
CREATE TABLE catalog_office_stock (
    tenant     VARCHAR(80)  NOT NULL,
    erp_system VARCHAR(40)  NOT NULL,
    office     VARCHAR(80)  NOT NULL,
    variant_id VARCHAR(80)  NOT NULL,
    quantity   NUMERIC      NOT NULL,
    PRIMARY KEY (tenant, erp_system, office, variant_id)
);

-- CA9: ERP products whose external-id field must be brought in line with the links. Queued in the
-- transaction that changes a link, written by ErpLinkWriter outside any request or Kafka ack.
CREATE TABLE erp_link_write (
    tenant          VARCHAR(80)  NOT NULL,
    erp_system      VARCHAR(40)  NOT NULL,
    erp_product_id  VARCHAR(80)  NOT NULL,
    queued_at       TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    last_error      TEXT,
    PRIMARY KEY (tenant, erp_system, erp_product_id)
);

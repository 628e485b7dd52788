-- The last stock announced per ERP variant (ST1): a value is announced once, whatever the redeliveries.
CREATE TABLE stock_level (
    tenant          VARCHAR(80)  NOT NULL,
    erp_variant_id  VARCHAR(80)  NOT NULL,
    erp_system      VARCHAR(40)  NOT NULL,
    erp_product_id  VARCHAR(80),
    sku             VARCHAR(200),
    scope           VARCHAR(200) NOT NULL,
    erp_quantity    NUMERIC(20, 6),
    available       BIGINT       NOT NULL,
    unlimited       BOOLEAN      NOT NULL,
    observed_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant, erp_variant_id)
);

-- Links, as catalog-service announced them.
CREATE TABLE stock_link (
    tenant           VARCHAR(80)  NOT NULL,
    erp_variant_id   VARCHAR(80)  NOT NULL,
    sku              VARCHAR(200) NOT NULL,
    store_system     VARCHAR(40)  NOT NULL,
    store_product_id VARCHAR(80)  NOT NULL,
    store_variant_id VARCHAR(80)  NOT NULL,
    linked_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant, erp_variant_id)
);

-- Store writes waiting to be sent: one row per store variant holding the latest value.
-- revision > sent_revision means the store does not have the latest value yet.
CREATE TABLE store_stock_write (
    tenant           VARCHAR(80)  NOT NULL,
    store_system     VARCHAR(40)  NOT NULL,
    store_product_id VARCHAR(80)  NOT NULL,
    store_variant_id VARCHAR(80)  NOT NULL,
    sku              VARCHAR(200) NOT NULL,
    available        BIGINT       NOT NULL,
    unlimited        BOOLEAN      NOT NULL,
    revision         BIGINT       NOT NULL,
    sent_revision    BIGINT       NOT NULL DEFAULT 0,
    queued_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_until     TIMESTAMPTZ,
    last_error       TEXT,
    PRIMARY KEY (tenant, store_system, store_product_id, store_variant_id)
);
CREATE INDEX store_stock_write_due ON store_stock_write (next_attempt_at) WHERE revision > sent_revision;

CREATE FUNCTION enlace_notify_store_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('enlace_store_write', ''); RETURN NULL; END $$;
CREATE TRIGGER store_stock_write_notify AFTER INSERT OR UPDATE OF revision ON store_stock_write
    FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_store_write();

-- ST2: stock moves Enlace makes in the ERP for store orders, one per (tenant, order, direction), reserved
-- before the ERP is called. OUT = the sale (a consumption), IN = its cancellation (a reception).
-- BY_DOCUMENT: the tenant's sale document moves the stock, so nothing is sent (never twice).
CREATE TABLE erp_stock_move (
    id              BIGSERIAL    PRIMARY KEY,
    tenant          VARCHAR(80)  NOT NULL,
    order_id        VARCHAR(80)  NOT NULL,
    direction       VARCHAR(8)   NOT NULL,
    store_system    VARCHAR(40)  NOT NULL,
    erp_system      VARCHAR(40)  NOT NULL,
    office          VARCHAR(80),
    lines_json      TEXT         NOT NULL,
    unlinked_skus   TEXT,
    state           VARCHAR(16)  NOT NULL,
    erp_called      BOOLEAN      NOT NULL DEFAULT false,
    erp_move_id     VARCHAR(80),
    first_sent_at   TIMESTAMPTZ,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (tenant, order_id, direction)
);
CREATE INDEX erp_stock_move_due ON erp_stock_move (next_attempt_at) WHERE state IN ('READY', 'SENDING');

CREATE FUNCTION enlace_notify_stock_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('enlace_stock_move', ''); RETURN NULL; END $$;
CREATE TRIGGER erp_stock_move_notify AFTER INSERT ON erp_stock_move
    FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_stock_move();

-- Coalescing off (enlace.stock.coalescing=false): every value queued for a store variant, kept until
-- the store has it, so each one is written, in order.
CREATE TABLE store_stock_change (
    tenant           VARCHAR(80)  NOT NULL,
    store_system     VARCHAR(40)  NOT NULL,
    store_product_id VARCHAR(80)  NOT NULL,
    store_variant_id VARCHAR(80)  NOT NULL,
    revision         BIGINT       NOT NULL,
    available        BIGINT       NOT NULL,
    unlimited        BOOLEAN      NOT NULL,
    PRIMARY KEY (tenant, store_system, store_product_id, store_variant_id, revision)
);

-- ST3 with the tenant's switch off: units sold ERP-side since Enlace started watching, per variant, added
-- back to the ERP's stock before it goes to the store; and the ERP sales documents already counted.
CREATE TABLE erp_sales_watch (
    tenant VARCHAR(80) PRIMARY KEY,
    since  TIMESTAMPTZ NOT NULL
);
CREATE TABLE erp_sale_counted (
    tenant      VARCHAR(80) NOT NULL,
    document_id VARCHAR(80) NOT NULL,
    counted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, document_id)
);
CREATE TABLE erp_sales_offset (
    tenant         VARCHAR(80)    NOT NULL,
    erp_variant_id VARCHAR(80)    NOT NULL,
    quantity       NUMERIC(20, 6) NOT NULL,
    PRIMARY KEY (tenant, erp_variant_id)
);

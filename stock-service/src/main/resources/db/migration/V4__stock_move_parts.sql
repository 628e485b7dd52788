-- ST2: a line whose SKU was not linked when its order was paid is moved later, once its link appears,
-- as its own move (part = the SKU; '' = the lines linked at payment), so each part is found and made once.
ALTER TABLE erp_stock_move ADD COLUMN part VARCHAR(200) NOT NULL DEFAULT '';
-- the buyer (CustomerSnapshot JSON), for ERPs whose move is a sales document naming one (MoySklad)
ALTER TABLE erp_stock_move ADD COLUMN buyer_json TEXT;
ALTER TABLE erp_stock_move DROP CONSTRAINT erp_stock_move_tenant_order_id_direction_key;
ALTER TABLE erp_stock_move ADD CONSTRAINT erp_stock_move_part_key UNIQUE (tenant, order_id, direction, part);

-- Lines of paid orders waiting for their SKU's link: WAITING until ProductLinked turns them into a
-- move (MOVED) or the order is cancelled first (CANCELLED); a row changes state once, under its lock.
CREATE TABLE erp_stock_move_pending (
    tenant       VARCHAR(80)    NOT NULL,
    order_id     VARCHAR(80)    NOT NULL,
    sku          VARCHAR(200)   NOT NULL,
    quantity     NUMERIC(20, 6) NOT NULL,
    unit_price   NUMERIC(20, 6),
    store_system VARCHAR(40)    NOT NULL,
    erp_system   VARCHAR(40)    NOT NULL,
    office       VARCHAR(80),
    buyer_json   TEXT,
    state        VARCHAR(16)    NOT NULL DEFAULT 'WAITING',
    created_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, order_id, sku)
);
CREATE INDEX erp_stock_move_pending_sku ON erp_stock_move_pending (tenant, sku) WHERE state = 'WAITING';
-- pending lines and order lines are matched to links by SKU
CREATE INDEX stock_link_sku ON stock_link (tenant, sku);

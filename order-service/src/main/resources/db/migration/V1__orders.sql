-- OR1: each store order as last seen. paid / cancelled / shipped are sticky: once set they stay set,
-- so each of OrderPaid, OrderCancelled, OrderShipped is announced once whatever the redeliveries.
CREATE TABLE store_order (
    tenant          VARCHAR(80)  NOT NULL,
    system          VARCHAR(40)  NOT NULL,
    order_id        VARCHAR(80)  NOT NULL,
    status          VARCHAR(80),
    shipment_status VARCHAR(80),
    paid            BOOLEAN      NOT NULL,
    cancelled       BOOLEAN      NOT NULL,
    shipped         BOOLEAN      NOT NULL,
    snapshot        TEXT         NOT NULL,
    first_seen_at   TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    paid_at         TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    shipped_at      TIMESTAMPTZ,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (tenant, system, order_id)
);
CREATE INDEX store_order_recent ON store_order (tenant, first_seen_at DESC);

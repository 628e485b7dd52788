-- CA3/CA5: one store product per ERP product. An import and a product webhook that both find a product
-- unlinked race to create it; the one that claims this row creates, the other skips. The claim goes in
-- the transaction that stores the links; one left by a crash expires (ProductPush.CLAIM_EXPIRY).
CREATE TABLE product_create_claim (
    tenant         VARCHAR(80)  NOT NULL,
    erp_system     VARCHAR(40)  NOT NULL,
    erp_product_id VARCHAR(80)  NOT NULL,
    claimed_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant, erp_system, erp_product_id)
);

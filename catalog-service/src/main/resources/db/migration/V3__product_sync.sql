-- CA5/CA6 echo guard: per product and system, the content Enlace last wrote there or already synced from there.
CREATE TABLE product_known_state (
    id           VARCHAR(240) PRIMARY KEY,
    tenant       VARCHAR(80)  NOT NULL,
    system       VARCHAR(40)  NOT NULL,
    product_id   VARCHAR(80)  NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX product_known_state_tenant ON product_known_state (tenant, system);

-- CA3 imports and CA11 full pushes, with their final counts.
CREATE TABLE product_sync_run (
    id          UUID PRIMARY KEY,
    tenant      VARCHAR(80) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    total       BIGINT      NOT NULL,
    created     BIGINT      NOT NULL,
    updated     BIGINT      NOT NULL,
    skipped     BIGINT      NOT NULL,
    failed      BIGINT      NOT NULL,
    error       TEXT,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);

-- ST9: every forced resync and reconciliation, with what it found and fixed.
CREATE TABLE stock_sync_run (
    id              UUID         PRIMARY KEY,
    tenant          VARCHAR(80)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    linked          BIGINT       NOT NULL DEFAULT 0,
    erp_read        BIGINT       NOT NULL DEFAULT 0,
    erp_changed     BIGINT       NOT NULL DEFAULT 0,
    store_queued    BIGINT       NOT NULL DEFAULT 0,
    store_repaired  BIGINT       NOT NULL DEFAULT 0,
    error           TEXT,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX stock_sync_run_tenant ON stock_sync_run (tenant, started_at DESC);

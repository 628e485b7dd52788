-- CA4: initial sync runs, readable while they run. One running run per tenant; a run whose
-- updated_at stopped moving (its replica died) is taken over as INTERRUPTED by the next start.
CREATE TABLE catalog_sync_run (
    id            UUID PRIMARY KEY,
    tenant        VARCHAR(80)  NOT NULL,
    source_role   VARCHAR(8)   NOT NULL,
    source_system VARCHAR(40)  NOT NULL,
    target_system VARCHAR(40)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    total         INTEGER,
    created       INTEGER      NOT NULL DEFAULT 0,
    skipped       INTEGER      NOT NULL DEFAULT 0,
    failed        INTEGER      NOT NULL DEFAULT 0,
    last_error    TEXT,
    started_at    TIMESTAMPTZ  NOT NULL,
    first_done_at TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX catalog_sync_run_one_running ON catalog_sync_run (tenant) WHERE status = 'RUNNING';

-- CA4/CA5: the product master chosen at runtime (by a finished initial sync or through the API);
-- where a tenant has a row it wins over settings.catalog.master of the tenant file.
CREATE TABLE catalog_master (
    tenant    VARCHAR(80) PRIMARY KEY,
    master    VARCHAR(8)  NOT NULL,
    run_id    UUID,
    chosen_at TIMESTAMPTZ NOT NULL
);

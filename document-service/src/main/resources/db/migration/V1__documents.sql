-- One legal document per tenant, order and purpose (DO8). The row is reserved before anything is sent
-- to the ERP; ISSUING is committed before the ERP call, so a row found in ISSUING (or one with
-- erp_called) may already exist in the ERP and is looked up there before any new issue.
CREATE TABLE legal_document (
    id              BIGSERIAL    PRIMARY KEY,
    tenant          VARCHAR(80)  NOT NULL,
    order_id        VARCHAR(80)  NOT NULL,
    purpose         VARCHAR(20)  NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    document_type   VARCHAR(20),
    order_json      TEXT         NOT NULL,
    -- DO5: ",SKU-1,SKU-2," while lines are unlinked, "," when none
    missing_skus    TEXT         NOT NULL DEFAULT ',',
    erp_system      VARCHAR(40),
    document_id     VARCHAR(80),
    folio           VARCHAR(40),
    net             NUMERIC(20, 4),
    tax             NUMERIC(20, 4),
    total           NUMERIC(20, 4),
    currency        VARCHAR(3),
    public_url      TEXT,
    references_json TEXT,
    issued_at       TIMESTAMPTZ,
    erp_called      BOOLEAN      NOT NULL DEFAULT false,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT legal_document_once UNIQUE (tenant, order_id, purpose)
);
CREATE INDEX legal_document_due ON legal_document (next_attempt_at) WHERE state IN ('READY', 'ISSUING');
CREATE INDEX legal_document_pending ON legal_document (tenant) WHERE state = 'PENDING_LINKS';

-- Links, as catalog-service announced them (DO5).
CREATE TABLE document_link (
    tenant         VARCHAR(80)  NOT NULL,
    erp_variant_id VARCHAR(80)  NOT NULL,
    sku            VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant, erp_variant_id)
);
CREATE INDEX document_link_sku ON document_link (tenant, sku);

CREATE FUNCTION enlace_notify_document_ready() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('enlace_document_ready', ''); RETURN NULL; END $$;
CREATE TRIGGER legal_document_notify AFTER INSERT OR UPDATE OF state ON legal_document
    FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_document_ready();

-- Platform tables every service has in its own database.

-- Webhook deliveries, stored before they are answered so none is lost (architecture: Ingress).
CREATE TABLE webhook_inbox (
    id              BIGSERIAL PRIMARY KEY,
    system          VARCHAR(40)  NOT NULL,
    tenant          VARCHAR(80)  NOT NULL,
    delivery_key    VARCHAR(200) NOT NULL,
    coalesce_key    VARCHAR(300),
    topic           VARCHAR(80)  NOT NULL,
    partition_key   VARCHAR(300) NOT NULL,
    payload         TEXT         NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- PENDING (waiting), PROCESSING (claimed until locked_until), DONE, FAILED
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    last_error      TEXT,
    processed_at    TIMESTAMPTZ
);
-- A delivery with an identity is stored once, ever: its redelivery is a no-op.
CREATE UNIQUE INDEX webhook_inbox_delivery ON webhook_inbox (system, tenant, delivery_key) WHERE coalesce_key IS NULL;
-- A notification that only points at current state (Bsale's) is redundant while an identical
-- one still waits: the waiting one will read the latest state anyway.
CREATE UNIQUE INDEX webhook_inbox_waiting ON webhook_inbox (system, tenant, coalesce_key) WHERE status = 'PENDING';
CREATE INDEX webhook_inbox_due ON webhook_inbox (next_attempt_at, id) WHERE status IN ('PENDING', 'PROCESSING');

-- Events waiting to leave for Kafka; written in the same transaction as the state they describe.
CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    topic         VARCHAR(120) NOT NULL,
    record_key    VARCHAR(300) NOT NULL,
    type          VARCHAR(120) NOT NULL,
    source        VARCHAR(120) NOT NULL,
    subject       VARCHAR(300) NOT NULL,
    tenant        VARCHAR(80)  NOT NULL,
    causation_id  VARCHAR(200),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    payload       TEXT         NOT NULL
);

-- Events a consumer already applied: redeliveries become no-ops.
CREATE TABLE processed_event (
    consumer     VARCHAR(120) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- What kept failing, with its reason, until someone retries it by hand (OP3).
CREATE TABLE failure_record (
    id          BIGSERIAL PRIMARY KEY,
    tenant      VARCHAR(80)  NOT NULL,
    kind        VARCHAR(60)  NOT NULL,
    reference   VARCHAR(300) NOT NULL,
    reason      TEXT         NOT NULL,
    payload     TEXT,
    attempts    INT          NOT NULL DEFAULT 1,
    status      VARCHAR(16)  NOT NULL DEFAULT 'OPEN',
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT failure_record_reference UNIQUE (tenant, kind, reference)
);
CREATE INDEX failure_record_open ON failure_record (tenant, status, id);

-- Wake the relays as soon as a transaction that wrote work commits (NOTIFY is sent on commit).
CREATE FUNCTION enlace_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('enlace_outbox', ''); RETURN NULL; END $$;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_outbox();

CREATE FUNCTION enlace_notify_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('enlace_inbox', ''); RETURN NULL; END $$;
CREATE TRIGGER webhook_inbox_notify AFTER INSERT OR UPDATE ON webhook_inbox
    FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_inbox();

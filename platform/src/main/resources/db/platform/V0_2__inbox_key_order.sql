-- The inbox claims a delivery only when no earlier unfinished one shares its system, tenant and partition key:
-- this index answers that check from the unfinished rows alone.
CREATE INDEX webhook_inbox_unfinished_key ON webhook_inbox (system, tenant, partition_key, id)
    WHERE status IN ('PENDING', 'PROCESSING');

-- Processed deliveries are deleted after a retention period (InboxRetention). Rows arrive in time order, so a
-- block-range index finds the old ones for almost nothing, and costs almost nothing to keep up on insert.
CREATE INDEX webhook_inbox_received ON webhook_inbox USING brin (received_at);

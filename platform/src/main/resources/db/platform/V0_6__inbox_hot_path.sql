-- A statement-level trigger fires even when ON CONFLICT DO NOTHING inserted nothing: every coalesced or duplicate
-- webhook woke the processors for a claim that could find nothing new (about 1,000 empty claims per second under
-- the stock benchmark). Row level wakes them only for a row really inserted; PostgreSQL still sends one
-- notification per channel and transaction.
DROP TRIGGER webhook_inbox_notify ON webhook_inbox;
CREATE TRIGGER webhook_inbox_notify AFTER INSERT ON webhook_inbox
    FOR EACH ROW EXECUTE FUNCTION enlace_notify_inbox();

-- Every delivery is written three times (waiting, processing, done) and none of these updates can be HOT (the
-- status is in the partial indexes' predicates): at a thousand webhooks a second the default autovacuum
-- (20 % of the table) let dead index entries pile up under the claim's scan. Vacuum and analyse after a fixed
-- number of rows instead.
ALTER TABLE webhook_inbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000, autovacuum_vacuum_cost_delay = 0);

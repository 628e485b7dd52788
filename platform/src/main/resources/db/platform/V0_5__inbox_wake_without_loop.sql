-- The inbox woke its processors on every UPDATE statement of webhook_inbox, including the claim itself (even when
-- it claimed nothing): each claim's commit sent a notification that started the next claim, so every service
-- spun at database round-trip speed (about 2,000 claims per second with nothing to do, measured in the stock
-- benchmark). Now only what can make a delivery claimable wakes them: a new delivery, a delivery put back in
-- line (retry, hand retry) and a delivery that finished (the next one of its key may go). Claiming does not.
DROP TRIGGER webhook_inbox_notify ON webhook_inbox;
CREATE TRIGGER webhook_inbox_notify AFTER INSERT ON webhook_inbox
    FOR EACH STATEMENT EXECUTE FUNCTION enlace_notify_inbox();
-- row level, so the transition can be tested; PostgreSQL sends one notification per channel and transaction
CREATE TRIGGER webhook_inbox_notify_settled AFTER UPDATE OF status ON webhook_inbox
    FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'PROCESSING')
    EXECUTE FUNCTION enlace_notify_inbox();

-- A statement that may insert no event (stock-service records a level and its StockChanged in one statement,
-- the event only when the level changed) must not wake the relay: statement-level triggers fire for zero rows.
-- NOTIFYs with the same channel and payload in one transaction are delivered once, so many rows still wake it once.
DROP TRIGGER outbox_event_notify ON outbox_event;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION enlace_notify_outbox();

-- The worker's claim sets state = 'ISSUING', and a statement-level trigger on UPDATE OF state fired for every
-- claim, even one that claimed nothing: each claim's commit woke the worker for the next claim, a busy loop at
-- database round-trip speed whenever the service was idle. Now only rows that can make work due wake it: a new
-- row, and a row whose state changed to anything but ISSUING (ready, issued: the next document of the order may
-- go, failed back to waiting). One notification per channel and transaction all the same.
DROP TRIGGER legal_document_notify ON legal_document;
CREATE TRIGGER legal_document_notify_new AFTER INSERT ON legal_document
    FOR EACH ROW EXECUTE FUNCTION enlace_notify_document_ready();
CREATE TRIGGER legal_document_notify_settled AFTER UPDATE OF state ON legal_document
    FOR EACH ROW WHEN (NEW.state IS DISTINCT FROM OLD.state AND NEW.state <> 'ISSUING')
    EXECUTE FUNCTION enlace_notify_document_ready();

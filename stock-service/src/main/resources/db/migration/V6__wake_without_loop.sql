-- Statement-level triggers fire for statements that change no row. The ST2 worker's drain starts with an
-- INSERT ... ON CONFLICT DO NOTHING of late-linked lines, which inserted nothing and still notified the worker:
-- it drained again at once, about 1,250 times a second with nothing to do. Row level notifies only for rows
-- really written (one notification per channel and transaction all the same).
DROP TRIGGER erp_stock_move_notify ON erp_stock_move;
CREATE TRIGGER erp_stock_move_notify AFTER INSERT ON erp_stock_move
    FOR EACH ROW EXECUTE FUNCTION enlace_notify_stock_move();

-- The same for the store write queue: a value equal to the one queued updates no row and wakes no writer.
DROP TRIGGER store_stock_write_notify ON store_stock_write;
CREATE TRIGGER store_stock_write_notify AFTER INSERT OR UPDATE OF revision ON store_stock_write
    FOR EACH ROW EXECUTE FUNCTION enlace_notify_store_write();

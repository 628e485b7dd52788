-- A new link waits here for its first stock read (ProductLinked only records the link). The reads are
-- done per tenant after the links stop arriving: one at a time for a few, in bulk (the ERP's stock
-- snapshot, as ST9 reads it) for many, so linking a large catalogue costs a few paged reads, not one per SKU.
ALTER TABLE stock_link ADD COLUMN initial_pending_at TIMESTAMPTZ;
CREATE INDEX stock_link_initial_pending ON stock_link (tenant, initial_pending_at) WHERE initial_pending_at IS NOT NULL;

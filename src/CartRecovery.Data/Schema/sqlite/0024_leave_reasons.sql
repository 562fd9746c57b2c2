-- Issue 15, "why did you leave?": the reason a customer gave with one click in the first email (LeaveReason's stored
-- numbers) and when. One per cart: the first click wins, later ones change nothing. Reported per store, hence the index.

ALTER TABLE carts ADD COLUMN leave_reason INTEGER;
ALTER TABLE carts ADD COLUMN leave_reason_at INTEGER;
CREATE INDEX ix_carts_store_leave_reason ON carts (store_id, leave_reason);

-- Issue 15's hold-out: the store sequence (and version) a cart was enrolled in at abandonment, and whether it was drawn
-- into that sequence's control group (1: enrolled but never messaged). Carts enrolled before this script, in a preset
-- or in nothing have no sequence. The results compare treated (0) with control (1) carts of the same sequence.

ALTER TABLE carts ADD COLUMN sequence_id INTEGER;
ALTER TABLE carts ADD COLUMN sequence_version INTEGER;
ALTER TABLE carts ADD COLUMN control_group INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_carts_sequence ON carts (sequence_id, control_group);

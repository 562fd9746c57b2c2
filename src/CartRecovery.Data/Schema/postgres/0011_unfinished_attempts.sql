-- Claims in a row that recorded no outcome (the dispatcher died or hung mid-send): every claim adds one, every outcome
-- resets it, and a message over Recovery:PoisonAfterUnfinishedAttempts is quarantined (status 5) instead of tried again.

ALTER TABLE messages ADD COLUMN unfinished_attempts INTEGER NOT NULL DEFAULT 0;

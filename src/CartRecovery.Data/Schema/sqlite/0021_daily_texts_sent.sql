-- Texts sent per store, day and currency in the daily roll-up, beside emails_sent (delivered, opened and clicked
-- already count both channels). Days rolled up before this script show no texts until they are rolled up again.

ALTER TABLE daily_store_metrics ADD COLUMN texts_sent INTEGER NOT NULL DEFAULT 0;

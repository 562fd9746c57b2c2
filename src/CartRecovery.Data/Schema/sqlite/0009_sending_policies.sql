-- Respectful sending: one policy row per store (a store without one uses the defaults) and the normalized recipient of
-- every sent message, so the frequency cap counts an address's recent emails across carts and stores from an index.

CREATE TABLE sending_policies (
    store_id                INTEGER NOT NULL PRIMARY KEY REFERENCES stores (id),
    account                 TEXT,
    frequency_cap_count     INTEGER NOT NULL,
    frequency_cap_window_ms INTEGER NOT NULL,
    quiet_start_minute      INTEGER,
    quiet_end_minute        INTEGER,
    max_cart_age_ms         INTEGER,
    consent                 INTEGER NOT NULL,
    retention_days          INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_sending_policies_account ON sending_policies (account);

ALTER TABLE messages ADD COLUMN recipient_normalized TEXT;
-- LOWER folds ASCII only here, like the addresses the connectors see in practice; new rows are normalized in code.
UPDATE messages SET recipient_normalized = LOWER(TRIM(recipient)) WHERE recipient IS NOT NULL;
CREATE INDEX ix_messages_recipient_normalized_sent_at ON messages (recipient_normalized, sent_at);

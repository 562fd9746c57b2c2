-- Respectful sending: one policy row per store (a store without one uses the defaults) and the normalized recipient of
-- every sent message, so the frequency cap counts an address's recent emails across carts and stores from an index.

CREATE TABLE sending_policies (
    store_id                BIGINT NOT NULL PRIMARY KEY REFERENCES stores (id),
    account                 TEXT,
    frequency_cap_count     BIGINT NOT NULL,
    frequency_cap_window_ms BIGINT NOT NULL,
    quiet_start_minute      BIGINT,
    quiet_end_minute        BIGINT,
    max_cart_age_ms         BIGINT,
    consent                 BIGINT NOT NULL,
    retention_days          BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL
);

CREATE INDEX ix_sending_policies_account ON sending_policies (account);

ALTER TABLE messages ADD COLUMN recipient_normalized TEXT;
UPDATE messages SET recipient_normalized = LOWER(TRIM(recipient)) WHERE recipient IS NOT NULL;
CREATE INDEX ix_messages_recipient_normalized_sent_at ON messages (recipient_normalized, sent_at);

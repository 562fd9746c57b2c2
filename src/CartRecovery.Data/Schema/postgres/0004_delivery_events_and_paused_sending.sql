-- Provider events on messages (delivered, first open) and a per-store pause when the provider rejects our credentials.

ALTER TABLE messages ADD COLUMN delivered_at BIGINT;
ALTER TABLE messages ADD COLUMN opened_at BIGINT;
CREATE INDEX ix_messages_provider_message_id ON messages (provider_message_id);

ALTER TABLE stores ADD COLUMN sending_paused_reason TEXT;

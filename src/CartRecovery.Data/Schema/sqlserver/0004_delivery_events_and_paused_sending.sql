-- Provider events on messages (delivered, first open) and a per-store pause when the provider rejects our credentials.

ALTER TABLE messages ADD delivered_at BIGINT NULL;
ALTER TABLE messages ADD opened_at BIGINT NULL;
CREATE INDEX ix_messages_provider_message_id ON messages (provider_message_id);

ALTER TABLE stores ADD sending_paused_reason NVARCHAR(MAX) NULL;

-- A store's own recovery sequences. Every edit adds an immutable version (the definition as JSON); messages record the
-- sequence, version and A/B variant they were planned from, so editing never changes what is already scheduled.
-- Carts gain the customer's country (ISO 3166-1 alpha-2) for sequence conditions.

CREATE TABLE sequences (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    store_id        BIGINT NOT NULL REFERENCES stores (id),
    active          BIGINT NOT NULL,
    current_version BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE INDEX ix_sequences_store ON sequences (store_id);

CREATE TABLE sequence_versions (
    sequence_id BIGINT        NOT NULL REFERENCES sequences (id),
    version     BIGINT        NOT NULL,
    definition  NVARCHAR(MAX) NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (sequence_id, version)
);

ALTER TABLE messages ADD sequence_id BIGINT NULL;
ALTER TABLE messages ADD sequence_version BIGINT NULL;
ALTER TABLE messages ADD variant NVARCHAR(MAX) NULL;
ALTER TABLE messages ADD subject_override NVARCHAR(MAX) NULL;
GO
CREATE INDEX ix_messages_sequence_step ON messages (sequence_id, step);

ALTER TABLE carts ADD country NVARCHAR(MAX) NULL;

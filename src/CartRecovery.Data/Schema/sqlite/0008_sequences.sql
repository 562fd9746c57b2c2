-- A store's own recovery sequences. Every edit adds an immutable version (the definition as JSON); messages record the
-- sequence, version and A/B variant they were planned from, so editing never changes what is already scheduled.
-- Carts gain the customer's country (ISO 3166-1 alpha-2) for sequence conditions.

CREATE TABLE sequences (
    id              INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL REFERENCES stores (id),
    active          INTEGER NOT NULL,
    current_version INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_sequences_store ON sequences (store_id);

CREATE TABLE sequence_versions (
    sequence_id INTEGER NOT NULL REFERENCES sequences (id),
    version     INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (sequence_id, version)
) STRICT;

ALTER TABLE messages ADD COLUMN sequence_id INTEGER;
ALTER TABLE messages ADD COLUMN sequence_version INTEGER;
ALTER TABLE messages ADD COLUMN variant TEXT;
ALTER TABLE messages ADD COLUMN subject_override TEXT;
CREATE INDEX ix_messages_sequence_step ON messages (sequence_id, step);

ALTER TABLE carts ADD COLUMN country TEXT;

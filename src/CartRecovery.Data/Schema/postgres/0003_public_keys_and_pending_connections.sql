-- A public key per store for browser-facing endpoints, and one-time ids of connection flows in progress.

ALTER TABLE stores ADD COLUMN public_key TEXT;
CREATE UNIQUE INDEX ux_stores_public_key ON stores (public_key);

CREATE TABLE pending_connections (
    id         TEXT    PRIMARY KEY,
    platform   TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    expires_at BIGINT NOT NULL
);

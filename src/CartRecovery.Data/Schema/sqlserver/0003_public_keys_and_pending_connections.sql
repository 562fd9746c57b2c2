-- A public key per store for browser-facing endpoints, and one-time ids of connection flows in progress.

ALTER TABLE stores ADD public_key NVARCHAR(450) NULL;
GO

-- Filtered: a SQL Server unique index allows one NULL only, and stores created before this script have none yet.
CREATE UNIQUE INDEX ux_stores_public_key ON stores (public_key) WHERE public_key IS NOT NULL;

CREATE TABLE pending_connections (
    id         NVARCHAR(450) NOT NULL PRIMARY KEY,
    platform   NVARCHAR(MAX) NOT NULL,
    payload    NVARCHAR(MAX) NOT NULL,
    expires_at BIGINT NOT NULL
);

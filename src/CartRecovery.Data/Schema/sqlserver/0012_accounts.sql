-- Accounts own stores; people (users) belong to them through memberships, programs through API keys. Sessions, sign-in
-- links and invitations keep only the SHA-256 of their tokens. Every change made in an account goes to audit_log.
-- kind: 0 merchant, 1 agency. role: 0 viewer, 1 member, 2 owner. store_ids: a JSON array of store ids, NULL = every
-- store of the account. actor_kind: 0 system, 1 operator, 2 user, 3 API key.

CREATE TABLE accounts (
    id         BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name       NVARCHAR(MAX) NOT NULL,
    kind       BIGINT        NOT NULL,
    created_at BIGINT        NOT NULL
);

-- email is stored normalized (trimmed, lower case); NULL for a person only known by an outside login. A UNIQUE
-- constraint would allow a single NULL here, hence the filtered index.
CREATE TABLE users (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    email           NVARCHAR(450) NULL,
    name            NVARCHAR(MAX) NULL,
    created_at      BIGINT        NOT NULL,
    last_sign_in_at BIGINT        NULL
);

CREATE UNIQUE INDEX ux_users_email ON users (email) WHERE email IS NOT NULL;

-- The key stays within the 900 bytes of an index key: 50 + 400 characters.
CREATE TABLE user_logins (
    provider   NVARCHAR(50)  NOT NULL,
    subject    NVARCHAR(400) NOT NULL,
    user_id    BIGINT        NOT NULL REFERENCES users (id),
    created_at BIGINT        NOT NULL,
    CONSTRAINT pk_user_logins PRIMARY KEY (provider, subject)
);

CREATE INDEX ix_user_logins_user ON user_logins (user_id);

CREATE TABLE memberships (
    account_id BIGINT        NOT NULL REFERENCES accounts (id),
    user_id    BIGINT        NOT NULL REFERENCES users (id),
    role       BIGINT        NOT NULL,
    store_ids  NVARCHAR(MAX) NULL,
    created_at BIGINT        NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (account_id, user_id)
);

CREATE INDEX ix_memberships_user ON memberships (user_id);

CREATE TABLE api_keys (
    id                 BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    account_id         BIGINT         NOT NULL REFERENCES accounts (id),
    name               NVARCHAR(MAX)  NOT NULL,
    prefix             NVARCHAR(450)  NOT NULL,
    secret_hash        VARBINARY(64)  NOT NULL,
    role               BIGINT         NOT NULL,
    store_ids          NVARCHAR(MAX)  NULL,
    created_at         BIGINT         NOT NULL,
    created_by_user_id BIGINT         NULL REFERENCES users (id),
    expires_at         BIGINT         NULL,
    revoked_at         BIGINT         NULL,
    last_used_at       BIGINT         NULL,
    CONSTRAINT ux_api_keys_prefix UNIQUE (prefix)
);

CREATE INDEX ix_api_keys_account ON api_keys (account_id);

CREATE TABLE user_sessions (
    token_hash   VARBINARY(64) NOT NULL PRIMARY KEY,
    user_id      BIGINT        NOT NULL REFERENCES users (id),
    account_id   BIGINT        NULL REFERENCES accounts (id),
    created_at   BIGINT        NOT NULL,
    last_seen_at BIGINT        NOT NULL,
    expires_at   BIGINT        NOT NULL
);

CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);
CREATE INDEX ix_user_sessions_expires_at ON user_sessions (expires_at);

-- email is normalized; requested_from is the client address that asked (rate limits count per email and per address).
CREATE TABLE sign_in_links (
    token_hash     VARBINARY(64) NOT NULL PRIMARY KEY,
    email          NVARCHAR(450) NOT NULL,
    requested_from NVARCHAR(450) NULL,
    created_at     BIGINT        NOT NULL,
    expires_at     BIGINT        NOT NULL,
    used_at        BIGINT        NULL
);

CREATE INDEX ix_sign_in_links_email_created_at ON sign_in_links (email, created_at);
CREATE INDEX ix_sign_in_links_requested_from_created_at ON sign_in_links (requested_from, created_at);
CREATE INDEX ix_sign_in_links_expires_at ON sign_in_links (expires_at);

CREATE TABLE invitations (
    id                 BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    account_id         BIGINT        NOT NULL REFERENCES accounts (id),
    token_hash         VARBINARY(64) NOT NULL,
    email              NVARCHAR(MAX) NOT NULL,
    role               BIGINT        NOT NULL,
    store_ids          NVARCHAR(MAX) NULL,
    invited_by_user_id BIGINT        NULL REFERENCES users (id),
    created_at         BIGINT        NOT NULL,
    expires_at         BIGINT        NOT NULL,
    accepted_at        BIGINT        NULL,
    revoked_at         BIGINT        NULL,
    CONSTRAINT ux_invitations_token_hash UNIQUE (token_hash)
);

CREATE INDEX ix_invitations_account ON invitations (account_id);
CREATE INDEX ix_invitations_expires_at ON invitations (expires_at);

CREATE TABLE audit_log (
    id          BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES accounts (id),
    store_id    BIGINT        NULL REFERENCES stores (id),
    at          BIGINT        NOT NULL,
    actor_kind  BIGINT        NOT NULL,
    actor_id    BIGINT        NULL,
    actor_label NVARCHAR(MAX) NOT NULL,
    action      NVARCHAR(MAX) NOT NULL,
    target      NVARCHAR(MAX) NOT NULL,
    before_json NVARCHAR(MAX) NULL,
    after_json  NVARCHAR(MAX) NULL
);

-- Newest first per account (GET /api/audit); by instant for the retention purge; by store for a store's erasure.
CREATE INDEX ix_audit_log_account_at ON audit_log (account_id, at, id);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_store ON audit_log (store_id);

-- NULL only between this script's statements: the stores set it on every store they save.
ALTER TABLE stores ADD account_id BIGINT NULL REFERENCES accounts (id);
GO

-- Existing stores: one merchant account per sending-policy account name (the stores already grouped for the frequency
-- cap), one per remaining store. The table is empty, so ids are chosen rather than generated: a group's account takes
-- the lowest id of its stores, a lone store's account takes the store's id. They cannot collide (every store is in one
-- group or alone), and each store finds its account without matching names, which may repeat. A new column can only
-- be used in a later batch, hence the GO above; identity values inserted explicitly move the next generated one past them.
SET IDENTITY_INSERT accounts ON;

INSERT INTO accounts (id, name, kind, created_at)
SELECT MIN(p.store_id), p.account, 0, MIN(s.created_at)
FROM sending_policies p JOIN stores s ON s.id = p.store_id
WHERE p.account IS NOT NULL
GROUP BY p.account;

INSERT INTO accounts (id, name, kind, created_at)
SELECT s.id, s.name, 0, s.created_at
FROM stores s
WHERE NOT EXISTS (SELECT 1 FROM sending_policies p WHERE p.store_id = s.id AND p.account IS NOT NULL);

SET IDENTITY_INSERT accounts OFF;

UPDATE stores SET account_id = COALESCE(
    (SELECT MIN(g.store_id) FROM sending_policies p JOIN sending_policies g ON g.account = p.account WHERE p.store_id = stores.id),
    id);

CREATE INDEX ix_stores_account ON stores (account_id);

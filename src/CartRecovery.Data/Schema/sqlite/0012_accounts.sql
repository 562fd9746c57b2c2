-- Accounts own stores; people (users) belong to them through memberships, programs through API keys. Sessions, sign-in
-- links and invitations keep only the SHA-256 of their tokens. Every change made in an account goes to audit_log.
-- kind: 0 merchant, 1 agency. role: 0 viewer, 1 member, 2 owner. store_ids: a JSON array of store ids, NULL = every
-- store of the account. actor_kind: 0 system, 1 operator, 2 user, 3 API key.

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    kind       INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

-- email is stored normalized (trimmed, lower case); NULL for a person only known by an outside login.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT,
    name            TEXT,
    created_at      INTEGER NOT NULL,
    last_sign_in_at INTEGER
) STRICT;

CREATE UNIQUE INDEX ux_users_email ON users (email) WHERE email IS NOT NULL;

CREATE TABLE user_logins (
    provider   TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (provider, subject)
) STRICT;

CREATE INDEX ix_user_logins_user ON user_logins (user_id);

CREATE TABLE memberships (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    role       INTEGER NOT NULL,
    store_ids  TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, user_id)
) STRICT;

CREATE INDEX ix_memberships_user ON memberships (user_id);

CREATE TABLE api_keys (
    id                 INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts (id),
    name               TEXT    NOT NULL,
    prefix             TEXT    NOT NULL,
    secret_hash        BLOB    NOT NULL,
    role               INTEGER NOT NULL,
    store_ids          TEXT,
    created_at         INTEGER NOT NULL,
    created_by_user_id INTEGER REFERENCES users (id),
    expires_at         INTEGER,
    revoked_at         INTEGER,
    last_used_at       INTEGER,
    CONSTRAINT ux_api_keys_prefix UNIQUE (prefix)
) STRICT;

CREATE INDEX ix_api_keys_account ON api_keys (account_id);

CREATE TABLE user_sessions (
    token_hash   BLOB    NOT NULL PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    account_id   INTEGER REFERENCES accounts (id),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);
CREATE INDEX ix_user_sessions_expires_at ON user_sessions (expires_at);

-- email is normalized; requested_from is the client address that asked (rate limits count per email and per address).
CREATE TABLE sign_in_links (
    token_hash     BLOB    NOT NULL PRIMARY KEY,
    email          TEXT    NOT NULL,
    requested_from TEXT,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used_at        INTEGER
) STRICT;

CREATE INDEX ix_sign_in_links_email_created_at ON sign_in_links (email, created_at);
CREATE INDEX ix_sign_in_links_requested_from_created_at ON sign_in_links (requested_from, created_at);
CREATE INDEX ix_sign_in_links_expires_at ON sign_in_links (expires_at);

CREATE TABLE invitations (
    id                 INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts (id),
    token_hash         BLOB    NOT NULL,
    email              TEXT    NOT NULL,
    role               INTEGER NOT NULL,
    store_ids          TEXT,
    invited_by_user_id INTEGER REFERENCES users (id),
    created_at         INTEGER NOT NULL,
    expires_at         INTEGER NOT NULL,
    accepted_at        INTEGER,
    revoked_at         INTEGER,
    CONSTRAINT ux_invitations_token_hash UNIQUE (token_hash)
) STRICT;

CREATE INDEX ix_invitations_account ON invitations (account_id);
CREATE INDEX ix_invitations_expires_at ON invitations (expires_at);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    store_id    INTEGER REFERENCES stores (id),
    at          INTEGER NOT NULL,
    actor_kind  INTEGER NOT NULL,
    actor_id    INTEGER,
    actor_label TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    before_json TEXT,
    after_json  TEXT
) STRICT;

-- Newest first per account (GET /api/audit); by instant for the retention purge; by store for a store's erasure.
CREATE INDEX ix_audit_log_account_at ON audit_log (account_id, at, id);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_store ON audit_log (store_id);

-- NULL only between this script's statements: the stores set it on every store they save.
ALTER TABLE stores ADD COLUMN account_id INTEGER REFERENCES accounts (id);

-- Existing stores: one merchant account per sending-policy account name (the stores already grouped for the frequency
-- cap), one per remaining store. The table is empty, so ids are chosen rather than generated: a group's account takes
-- the lowest id of its stores, a lone store's account takes the store's id. They cannot collide (every store is in one
-- group or alone), and each store finds its account without matching names, which may repeat.
INSERT INTO accounts (id, name, kind, created_at)
SELECT MIN(p.store_id), p.account, 0, MIN(s.created_at)
FROM sending_policies p JOIN stores s ON s.id = p.store_id
WHERE p.account IS NOT NULL
GROUP BY p.account;

INSERT INTO accounts (id, name, kind, created_at)
SELECT s.id, s.name, 0, s.created_at
FROM stores s
WHERE NOT EXISTS (SELECT 1 FROM sending_policies p WHERE p.store_id = s.id AND p.account IS NOT NULL);

UPDATE stores SET account_id = COALESCE(
    (SELECT MIN(g.store_id) FROM sending_policies p JOIN sending_policies g ON g.account = p.account WHERE p.store_id = stores.id),
    id);

CREATE INDEX ix_stores_account ON stores (account_id);

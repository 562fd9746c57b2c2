-- CartRecovery schema for SQLite.
-- Instants are INTEGER unix milliseconds (UTC), durations INTEGER milliseconds, money INTEGER minor units,
-- enums INTEGER. STRICT tables make SQLite reject a value of the wrong type instead of storing it as text.
-- Quartz's QRTZ_* tables are not created here: the host runs Quartz's own script.

CREATE TABLE stores (
    id              INTEGER PRIMARY KEY,
    platform        TEXT    NOT NULL,
    external_id     TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    storefront_url  TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    time_zone       TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    abandon_after_ms INTEGER NOT NULL,
    sequence        TEXT    NOT NULL,
    sender_email    TEXT    NOT NULL,
    sender_name     TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    CONSTRAINT ux_stores_platform_external_id UNIQUE (platform, external_id)
) STRICT;

CREATE TABLE carts (
    id                  INTEGER PRIMARY KEY,
    store_id            INTEGER NOT NULL REFERENCES stores (id),
    external_id         TEXT    NOT NULL,
    status              INTEGER NOT NULL,
    email               TEXT,
    email_normalized    TEXT,
    phone               TEXT,
    first_name          TEXT,
    last_name           TEXT,
    locale              TEXT,
    accepts_marketing   INTEGER,
    currency            TEXT    NOT NULL,
    subtotal_minor      INTEGER NOT NULL,
    total_minor         INTEGER NOT NULL,
    restore_url         TEXT,
    platform_created_at INTEGER NOT NULL,
    platform_updated_at INTEGER NOT NULL,
    abandoned_at        INTEGER,
    converted_at        INTEGER,
    order_id            TEXT,
    order_total_minor   INTEGER,
    recovered_by_step   INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CONSTRAINT ux_carts_store_external_id UNIQUE (store_id, external_id)
) STRICT;

CREATE INDEX ix_carts_status_platform_updated_at ON carts (status, platform_updated_at);
CREATE INDEX ix_carts_store_created_at ON carts (store_id, created_at);
CREATE INDEX ix_carts_store_email_normalized ON carts (store_id, email_normalized);

CREATE TABLE cart_lines (
    cart_id          INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    title            TEXT    NOT NULL,
    quantity         INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    product_id       TEXT,
    variant_id       TEXT,
    sku              TEXT,
    variant_title    TEXT,
    image_url        TEXT,
    product_url      TEXT,
    PRIMARY KEY (cart_id, position)
) STRICT;

CREATE TABLE messages (
    id                  INTEGER PRIMARY KEY,
    store_id            INTEGER NOT NULL REFERENCES stores (id),
    cart_id             INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    step                INTEGER NOT NULL,
    kind                INTEGER NOT NULL,
    template            TEXT    NOT NULL,
    offer_kind          INTEGER,
    offer_value         INTEGER,
    offer_valid_for_ms  INTEGER,
    due_at              INTEGER NOT NULL,
    status              INTEGER NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT,
    claimed_by          TEXT,
    lease_until         INTEGER,
    offer_code          TEXT,
    offer_expires_at    INTEGER,
    recipient           TEXT,
    sent_at             INTEGER,
    provider_message_id TEXT,
    clicked_at          INTEGER,
    CONSTRAINT ux_messages_cart_step UNIQUE (cart_id, step)
) STRICT;

CREATE INDEX ix_messages_status_due_at ON messages (status, due_at);
CREATE INDEX ix_messages_status_lease_until ON messages (status, lease_until);

CREATE TABLE cart_events (
    id         INTEGER PRIMARY KEY,
    cart_id    INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX ix_cart_events_cart_at ON cart_events (cart_id, at);

CREATE TABLE suppressions (
    store_id         INTEGER NOT NULL REFERENCES stores (id),
    email_normalized TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    reason           TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (store_id, email_normalized)
) STRICT;

CREATE TABLE follow_up_tasks (
    id         INTEGER PRIMARY KEY,
    store_id   INTEGER NOT NULL REFERENCES stores (id),
    cart_id    INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    summary    TEXT    NOT NULL,
    status     INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT ux_follow_up_tasks_message UNIQUE (message_id)
) STRICT;

CREATE INDEX ix_follow_up_tasks_cart_status ON follow_up_tasks (cart_id, status);
CREATE INDEX ix_follow_up_tasks_store_status ON follow_up_tasks (store_id, status);

-- What platform connectors need: every identifier of a cart, presentment totals, store status and API address,
-- encrypted credentials, connector state (cursors), the webhook inbox and data-request exports.

ALTER TABLE carts ADD COLUMN platform_refs TEXT;
ALTER TABLE carts ADD COLUMN presentment_currency TEXT;
ALTER TABLE carts ADD COLUMN presentment_total_minor INTEGER;

-- Any identifier of a cart (checkout id, token, cart token, order key) finds it.
CREATE TABLE cart_refs (
    store_id INTEGER NOT NULL REFERENCES stores (id),
    ref      TEXT    NOT NULL,
    cart_id  INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    PRIMARY KEY (store_id, ref)
) STRICT;

CREATE INDEX ix_cart_refs_cart ON cart_refs (cart_id);

ALTER TABLE stores ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stores ADD COLUMN api_base_url TEXT;

-- payload is the protected (encrypted) JSON of the credentials; nothing here is readable without the key ring.
CREATE TABLE store_credentials (
    store_id   INTEGER PRIMARY KEY REFERENCES stores (id),
    payload    TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE connector_state (
    store_id   INTEGER NOT NULL REFERENCES stores (id),
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (store_id, key)
) STRICT;

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    platform        TEXT    NOT NULL,
    delivery_id     TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    store_id        INTEGER,
    shop_ref        TEXT,
    body            TEXT    NOT NULL,
    triggered_at    INTEGER,
    received_at     INTEGER NOT NULL,
    status          INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    processed_at    INTEGER,
    CONSTRAINT ux_webhook_deliveries_platform_delivery UNIQUE (platform, delivery_id)
) STRICT;

CREATE INDEX ix_webhook_deliveries_status_next ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE data_exports (
    store_id   INTEGER NOT NULL REFERENCES stores (id),
    request_id TEXT    NOT NULL,
    email      TEXT    NOT NULL,
    json       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (store_id, request_id)
) STRICT;

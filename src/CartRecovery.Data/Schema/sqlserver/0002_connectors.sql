-- What platform connectors need: every identifier of a cart, presentment totals, store status and API address,
-- encrypted credentials, connector state (cursors), the webhook inbox and data-request exports.

ALTER TABLE carts ADD platform_refs NVARCHAR(MAX) NULL;
ALTER TABLE carts ADD presentment_currency NVARCHAR(MAX) NULL;
ALTER TABLE carts ADD presentment_total_minor BIGINT NULL;

-- Any identifier of a cart (checkout id, token, cart token, order key) finds it.
CREATE TABLE cart_refs (
    store_id BIGINT NOT NULL REFERENCES stores (id),
    ref      NVARCHAR(450) NOT NULL,
    cart_id  BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    PRIMARY KEY (store_id, ref)
);

CREATE INDEX ix_cart_refs_cart ON cart_refs (cart_id);

ALTER TABLE stores ADD status BIGINT NOT NULL DEFAULT 0;
ALTER TABLE stores ADD api_base_url NVARCHAR(MAX) NULL;

-- payload is the protected (encrypted) JSON of the credentials; nothing here is readable without the key ring.
CREATE TABLE store_credentials (
    store_id   BIGINT NOT NULL PRIMARY KEY REFERENCES stores (id),
    payload    NVARCHAR(MAX) NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE connector_state (
    store_id   BIGINT NOT NULL REFERENCES stores (id),
    [key]      NVARCHAR(450) NOT NULL,
    value      NVARCHAR(MAX) NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (store_id, [key])
);

CREATE TABLE webhook_deliveries (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    platform        NVARCHAR(450) NOT NULL,
    delivery_id     NVARCHAR(450) NOT NULL,
    topic           NVARCHAR(MAX) NOT NULL,
    store_id        BIGINT NULL,
    shop_ref        NVARCHAR(MAX) NULL,
    body            NVARCHAR(MAX) NOT NULL,
    triggered_at    BIGINT NULL,
    received_at     BIGINT NOT NULL,
    status          BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    last_error      NVARCHAR(MAX) NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT NULL,
    processed_at    BIGINT NULL,
    CONSTRAINT ux_webhook_deliveries_platform_delivery UNIQUE (platform, delivery_id)
);

CREATE INDEX ix_webhook_deliveries_status_next ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE data_exports (
    store_id   BIGINT NOT NULL REFERENCES stores (id),
    request_id NVARCHAR(450) NOT NULL,
    email      NVARCHAR(MAX) NOT NULL,
    json       NVARCHAR(MAX) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (store_id, request_id)
);

-- CartRecovery schema for SQL Server (the same tables, columns and nullability as sqlite/0001_initial.sql), schema dbo.
-- Instants are BIGINT unix milliseconds (UTC), durations BIGINT milliseconds, money BIGINT minor units, enums and
-- flags BIGINT. Text is NVARCHAR(450) where a key or index covers it (900 bytes), NVARCHAR(MAX) elsewhere.
-- Composite keys over several NVARCHAR(450) columns pass the 900/1700-byte key limit on paper: SQL Server creates them
-- with a warning, and our values (platform names, ids, locales) are far shorter.
-- Quartz's QRTZ_* tables are not created here: a schema extension applies Quartz's own script after these.

CREATE TABLE stores (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    platform        NVARCHAR(450) NOT NULL,
    external_id     NVARCHAR(450) NOT NULL,
    name            NVARCHAR(MAX) NOT NULL,
    storefront_url  NVARCHAR(MAX) NOT NULL,
    currency        NVARCHAR(MAX) NOT NULL,
    time_zone       NVARCHAR(MAX) NOT NULL,
    locale          NVARCHAR(MAX) NOT NULL,
    abandon_after_ms BIGINT NOT NULL,
    sequence        NVARCHAR(MAX) NOT NULL,
    sender_email    NVARCHAR(MAX) NOT NULL,
    sender_name     NVARCHAR(MAX) NOT NULL,
    created_at      BIGINT NOT NULL,
    CONSTRAINT ux_stores_platform_external_id UNIQUE (platform, external_id)
);

CREATE TABLE carts (
    id                  BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    store_id            BIGINT NOT NULL REFERENCES stores (id),
    external_id         NVARCHAR(450) NOT NULL,
    status              BIGINT NOT NULL,
    email               NVARCHAR(MAX) NULL,
    email_normalized    NVARCHAR(450) NULL,
    phone               NVARCHAR(MAX) NULL,
    first_name          NVARCHAR(MAX) NULL,
    last_name           NVARCHAR(MAX) NULL,
    locale              NVARCHAR(MAX) NULL,
    accepts_marketing   BIGINT NULL,
    currency            NVARCHAR(MAX) NOT NULL,
    subtotal_minor      BIGINT NOT NULL,
    total_minor         BIGINT NOT NULL,
    restore_url         NVARCHAR(MAX) NULL,
    platform_created_at BIGINT NOT NULL,
    platform_updated_at BIGINT NOT NULL,
    abandoned_at        BIGINT NULL,
    converted_at        BIGINT NULL,
    order_id            NVARCHAR(MAX) NULL,
    order_total_minor   BIGINT NULL,
    recovered_by_step   BIGINT NULL,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    CONSTRAINT ux_carts_store_external_id UNIQUE (store_id, external_id)
);

CREATE INDEX ix_carts_status_platform_updated_at ON carts (status, platform_updated_at);
CREATE INDEX ix_carts_store_created_at ON carts (store_id, created_at);
CREATE INDEX ix_carts_store_email_normalized ON carts (store_id, email_normalized);

CREATE TABLE cart_lines (
    cart_id          BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    position         BIGINT NOT NULL,
    title            NVARCHAR(MAX) NOT NULL,
    quantity         BIGINT NOT NULL,
    unit_price_minor BIGINT NOT NULL,
    product_id       NVARCHAR(MAX) NULL,
    variant_id       NVARCHAR(MAX) NULL,
    sku              NVARCHAR(MAX) NULL,
    variant_title    NVARCHAR(MAX) NULL,
    image_url        NVARCHAR(MAX) NULL,
    product_url      NVARCHAR(MAX) NULL,
    PRIMARY KEY (cart_id, position)
);

CREATE TABLE messages (
    id                  BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    store_id            BIGINT NOT NULL REFERENCES stores (id),
    cart_id             BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    step                BIGINT NOT NULL,
    kind                BIGINT NOT NULL,
    template            NVARCHAR(MAX) NOT NULL,
    offer_kind          BIGINT NULL,
    offer_value         BIGINT NULL,
    offer_valid_for_ms  BIGINT NULL,
    due_at              BIGINT NOT NULL,
    status              BIGINT NOT NULL,
    attempts            BIGINT NOT NULL DEFAULT 0,
    last_error          NVARCHAR(MAX) NULL,
    claimed_by          NVARCHAR(MAX) NULL,
    lease_until         BIGINT NULL,
    offer_code          NVARCHAR(MAX) NULL,
    offer_expires_at    BIGINT NULL,
    recipient           NVARCHAR(MAX) NULL,
    sent_at             BIGINT NULL,
    provider_message_id NVARCHAR(450) NULL,
    clicked_at          BIGINT NULL,
    CONSTRAINT ux_messages_cart_step UNIQUE (cart_id, step)
);

CREATE INDEX ix_messages_status_due_at ON messages (status, due_at);
CREATE INDEX ix_messages_status_lease_until ON messages (status, lease_until);

CREATE TABLE cart_events (
    id         BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    cart_id    BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    at         BIGINT NOT NULL,
    kind       NVARCHAR(MAX) NOT NULL,
    detail     NVARCHAR(MAX) NOT NULL,
    -- NO ACTION, not SET NULL as elsewhere: SQL Server refuses a second cascade path to cart_events (carts -> cart_events
    -- and carts -> messages -> cart_events). Messages are only deleted with their cart, whose events the stores delete first.
    message_id BIGINT NULL REFERENCES messages (id) ON DELETE NO ACTION
);

CREATE INDEX ix_cart_events_cart_at ON cart_events (cart_id, at);

CREATE TABLE suppressions (
    store_id         BIGINT NOT NULL REFERENCES stores (id),
    email_normalized NVARCHAR(450) NOT NULL,
    email            NVARCHAR(MAX) NOT NULL,
    reason           NVARCHAR(MAX) NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (store_id, email_normalized)
);

CREATE TABLE follow_up_tasks (
    id         BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    store_id   BIGINT NOT NULL REFERENCES stores (id),
    cart_id    BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    -- NO ACTION, not CASCADE as elsewhere: a second cascade path (carts -> messages -> follow_up_tasks) is refused by
    -- SQL Server. The cart_id cascade still removes a cart's tasks, and the stores delete them before the cart anyway.
    message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE NO ACTION,
    summary    NVARCHAR(MAX) NOT NULL,
    status     BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT ux_follow_up_tasks_message UNIQUE (message_id)
);

CREATE INDEX ix_follow_up_tasks_cart_status ON follow_up_tasks (cart_id, status);
CREATE INDEX ix_follow_up_tasks_store_status ON follow_up_tasks (store_id, status);

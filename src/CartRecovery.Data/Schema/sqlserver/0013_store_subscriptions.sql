-- Plans and billing: the plan each store is on (for a Shopify store, a mirror of the app subscription the merchant
-- approved; for others, the plan chosen for invoicing), and an index to count a store's sent emails per period.
-- Usage amounts are millionths of the plan currency's unit, exact for any per-email price.

CREATE TABLE store_subscriptions (
    store_id             BIGINT         NOT NULL PRIMARY KEY REFERENCES stores (id),
    plan_name            NVARCHAR(100)  NOT NULL,
    status               BIGINT         NOT NULL,
    external_id          NVARCHAR(450)  NULL,
    usage_line_item_id   NVARCHAR(450)  NULL,
    confirmation_url     NVARCHAR(2048) NULL,
    test                 BIGINT         NOT NULL,
    trial_ends_at        BIGINT         NULL,
    current_period_end   BIGINT         NULL,
    usage_charged_micros BIGINT         NOT NULL,
    usage_period_end     BIGINT         NULL,
    updated_at           BIGINT         NOT NULL
);

CREATE UNIQUE INDEX ux_store_subscriptions_external_id ON store_subscriptions (external_id) WHERE external_id IS NOT NULL;

CREATE INDEX ix_messages_store_id_sent_at ON messages (store_id, sent_at);

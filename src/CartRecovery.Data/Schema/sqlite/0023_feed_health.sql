-- Issue 15, feed health and alarms: the feed check counts a store's webhook deliveries per hour (bounded to four weeks),
-- so the inbox gets a (store, received_at) index like carts' (store_id, created_at). feed_alarms holds each store
-- feed's open alarm: the row exists while the feed is stale or broken; notified_at is set once its owners were emailed,
-- so a restart (or another node) never emails the same alarm twice, and the row is deleted with the recovery notice.

CREATE INDEX ix_webhook_deliveries_store_received ON webhook_deliveries (store_id, received_at);

CREATE TABLE feed_alarms (
    store_id    INTEGER NOT NULL REFERENCES stores (id),
    source      INTEGER NOT NULL,
    state       INTEGER NOT NULL,
    problem     INTEGER NOT NULL,
    raised_at   INTEGER NOT NULL,
    notified_at INTEGER,
    PRIMARY KEY (store_id, source)
) STRICT;

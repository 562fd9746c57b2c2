-- SMS as a second channel: the customer's SMS consent (apart from the email consent), each store's SMS settings (a
-- store without a row has texts off), the numbers that replied STOP per store, and the provider's last reported status
-- of a sent message (Twilio's status callbacks). Phone numbers stay as the customer typed them on carts; the
-- suppressed ones are E.164.

ALTER TABLE carts ADD COLUMN accepts_sms BIGINT;

CREATE TABLE store_sms_settings (
    store_id              BIGINT NOT NULL PRIMARY KEY REFERENCES stores (id),
    enabled               BIGINT NOT NULL,
    country               TEXT,
    consent               BIGINT NOT NULL,
    window_open_minute    BIGINT NOT NULL,
    window_close_minute   BIGINT NOT NULL,
    max_parts             BIGINT NOT NULL,
    messaging_service_sid TEXT,
    from_number           TEXT,
    updated_at            BIGINT NOT NULL
);

CREATE TABLE sms_suppressions (
    store_id   BIGINT NOT NULL REFERENCES stores (id),
    phone      TEXT   NOT NULL,
    reason     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (store_id, phone)
);

ALTER TABLE messages ADD COLUMN provider_status TEXT;

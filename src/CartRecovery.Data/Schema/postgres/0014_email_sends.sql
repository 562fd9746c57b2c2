-- Every email sent, kept apart from the messages themselves: a customer's erasure and the retention purge delete their
-- messages, but what a store's plan counted (and was billed for) stays countable. Ids and an instant only: no
-- personal data. Emails sent before this script are copied in.

CREATE TABLE email_sends (
    message_id BIGINT  NOT NULL PRIMARY KEY,
    store_id   BIGINT  NOT NULL,
    sent_at    BIGINT  NOT NULL
);

CREATE INDEX ix_email_sends_store_id_sent_at ON email_sends (store_id, sent_at);

INSERT INTO email_sends (message_id, store_id, sent_at)
SELECT id, store_id, sent_at FROM messages WHERE status = 2 AND kind = 0 AND sent_at IS NOT NULL;

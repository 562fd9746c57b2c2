-- A store's own Liquid source for one part of a template in one language; the built-in part is used otherwise.

CREATE TABLE store_templates (
    store_id   BIGINT NOT NULL REFERENCES stores (id),
    name       TEXT    NOT NULL,
    locale     TEXT    NOT NULL,
    part       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (store_id, name, locale, part)
);

-- A store's own Liquid source for one part of a template in one language; the built-in part is used otherwise.

CREATE TABLE store_templates (
    store_id   BIGINT NOT NULL REFERENCES stores (id),
    name       NVARCHAR(450) NOT NULL,
    locale     NVARCHAR(450) NOT NULL,
    part       NVARCHAR(450) NOT NULL,
    source     NVARCHAR(MAX) NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (store_id, name, locale, part)
);

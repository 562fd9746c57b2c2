-- A store's sender and branding settings shown in its emails, and its own provider stream.

ALTER TABLE stores ADD COLUMN reply_to TEXT;
ALTER TABLE stores ADD COLUMN logo_url TEXT;
ALTER TABLE stores ADD COLUMN brand_color TEXT;
ALTER TABLE stores ADD COLUMN postal_address TEXT;
ALTER TABLE stores ADD COLUMN message_stream TEXT;

-- A store's sender and branding settings shown in its emails, and its own provider stream.

ALTER TABLE stores ADD reply_to NVARCHAR(MAX) NULL;
ALTER TABLE stores ADD logo_url NVARCHAR(MAX) NULL;
ALTER TABLE stores ADD brand_color NVARCHAR(MAX) NULL;
ALTER TABLE stores ADD postal_address NVARCHAR(MAX) NULL;
ALTER TABLE stores ADD message_stream NVARCHAR(MAX) NULL;

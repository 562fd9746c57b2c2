-- Issue 15, reward loyalty: a store policy's offer rule (counted across the stores of its sending account). No offer
-- to an address sent one within offer_cooldown_days (0: none), nor to one that abandoned offer_farming_abandons carts
-- in that time without ever ordering (0: off). Existing policies get the defaults, 30 days and 3 carts.

ALTER TABLE sending_policies ADD COLUMN offer_cooldown_days BIGINT NOT NULL DEFAULT 30;
ALTER TABLE sending_policies ADD COLUMN offer_farming_abandons BIGINT NOT NULL DEFAULT 3;

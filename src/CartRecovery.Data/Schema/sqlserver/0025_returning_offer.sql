-- Issue 15, reward loyalty: a customer who ordered before may get another offer than the step's (e.g. 15 % where new
-- customers get 10 %). Null kind: returning customers get the step's offer. Kind as OfferKind, value as the step's
-- (percent or minor units), validity in hours.

ALTER TABLE sending_policies ADD returning_offer_kind INT NULL, returning_offer_value BIGINT NULL, returning_offer_valid_for_hours BIGINT NULL;

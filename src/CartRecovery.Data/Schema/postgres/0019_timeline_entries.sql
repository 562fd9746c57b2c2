-- A cart event's words as a stable code and arguments (JSON of Core's TimelineEntry), so pages can show the timeline in
-- the reader's language. The English detail stays beside it for the API; rows written before this script have none.

ALTER TABLE cart_events ADD COLUMN entry TEXT;

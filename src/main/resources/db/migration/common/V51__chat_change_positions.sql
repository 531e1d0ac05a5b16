-- Reconnect catch-up: every chat change stamps, with its change-log position, its room (the newest change) and its
-- message (the newest change, and when the message first became visible). A client that names the position it has
-- seen receives exactly the messages that appeared, changed or left since. NULL shown_change: never shown (held).
ALTER TABLE chat_rooms ADD COLUMN last_change BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE chat_messages ADD COLUMN last_change BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE chat_messages ADD COLUMN shown_change BIGINT;
CREATE INDEX chat_messages_room_change ON chat_messages (room_id, last_change);

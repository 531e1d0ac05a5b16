-- Messages stored before positions were kept: all but the held ones were shown before any position a client holds.
UPDATE chat_messages SET shown_change = 0 WHERE state <> 'HELD';

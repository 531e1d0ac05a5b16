-- The banned words of V32 held messages in every edition: they stay banned, now in each edition.
INSERT INTO chat_words (edition, kind, word, created_by, created_at)
SELECT e.code, 'BANNED', w.word, w.created_by, w.created_at
FROM chat_banned_words w CROSS JOIN editions e;

-- The two editions every install starts with. Sections, tags and authors come with content.
INSERT INTO editions (code, locale, name, site_name, time_zone, is_default, position) VALUES ('en', 'en', 'English', 'Dateline', 'UTC', TRUE, 1);
INSERT INTO editions (code, locale, name, site_name, time_zone, is_default, position) VALUES ('ru', 'ru', 'Русский', 'Дейтлайн', 'Europe/Moscow', FALSE, 2);

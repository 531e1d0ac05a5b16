-- Fills each edition up to :per_edition generated stories with copies of those the demo generator published (all
-- live articles but the seed story of 2007; run by
-- bench/search-vs-postgres.sh when GENERATE < PER_EDITION, in one transaction). A copy keeps the text, section,
-- tags, authors and lead picture, and gets an id, a translation key and dates of its own (k days older for the k-th
-- copy). Copies are written to the read model only (articles and its lists), not to the newsroom's story tables
-- nor the change log: every node's index reads them when it is built from the database.
CREATE TEMP TABLE bench_copy ON COMMIT DROP AS
SELECT x.old_id, x.k, m.max_id + row_number() OVER (ORDER BY x.k, x.old_id) AS new_id
  FROM (SELECT a.id AS old_id, k.k, row_number() OVER (PARTITION BY a.edition ORDER BY k.k, a.id) AS rn, g.n
          FROM articles a
          JOIN (SELECT edition, count(*) AS n FROM articles
                 WHERE first_published_at > TIMESTAMP WITH TIME ZONE '2008-01-01 00:00:00+00' AND state = 'LIVE' GROUP BY edition) g ON g.edition = a.edition
          CROSS JOIN generate_series(1, (SELECT :per_edition / min(n) + 1 FROM (SELECT count(*) AS n FROM articles
                 WHERE first_published_at > TIMESTAMP WITH TIME ZONE '2008-01-01 00:00:00+00' AND state = 'LIVE' GROUP BY edition) c)) AS k(k)
         WHERE a.first_published_at > TIMESTAMP WITH TIME ZONE '2008-01-01 00:00:00+00' AND a.state = 'LIVE') x
  CROSS JOIN (SELECT max(id) AS max_id FROM articles) m
 WHERE x.rn <= :per_edition - x.n;

INSERT INTO articles (id, edition, section_id, slug, headline, lead, body, dateline_place, dateline_date, credit,
                      translation_key, first_published_at, updated_at, state, removed_at, correction_note,
                      corrected_at, embargo, body_format, lead_picture_id)
SELECT c.new_id, a.edition, a.section_id, a.slug, a.headline, a.lead, a.body, a.dateline_place,
       a.dateline_date - CAST(c.k AS INT), a.credit, a.translation_key || '-copy-' || c.k,
       a.first_published_at - c.k * INTERVAL '1 day', a.updated_at - c.k * INTERVAL '1 day', a.state, a.removed_at,
       a.correction_note, a.corrected_at, a.embargo, a.body_format, a.lead_picture_id
  FROM bench_copy c JOIN articles a ON a.id = c.old_id;

INSERT INTO article_tags (article_id, tag_id, position)
SELECT c.new_id, t.tag_id, t.position FROM bench_copy c JOIN article_tags t ON t.article_id = c.old_id;

INSERT INTO article_authors (article_id, author_id, position)
SELECT c.new_id, t.author_id, t.position FROM bench_copy c JOIN article_authors t ON t.article_id = c.old_id;

INSERT INTO article_pictures (article_id, picture_id, position)
SELECT c.new_id, t.picture_id, t.position FROM bench_copy c JOIN article_pictures t ON t.article_id = c.old_id;

SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles));

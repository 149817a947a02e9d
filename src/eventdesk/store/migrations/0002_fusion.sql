-- 0002_fusion: cross-article fusion (issue 3).
--
--   * articles.minhash / copy_group and article_bands: near-duplicate (syndicated) articles. Every
--     article in one near-duplicate group carries the group's key (the smallest content hash in
--     it); article_bands holds the LSH band keys that find an article's copies by index lookup.
--   * claims (event_mentions, events): the claims ledger, JSON [{field, value, stance, span,
--     speaker, speaker_span, revised}], one entry per claim a source makes.
--   * events.links: why the mentions of an event were fused (JSON [{a, b, score, agreed, by_content}]).
--   * event_aliases: an event id that disappeared in a merge points to the event that took it over.
--   * changes: the change log of fusion (created, attached, merged, split, updated, retired).

ALTER TABLE articles ADD COLUMN minhash BLOB;
ALTER TABLE articles ADD COLUMN copy_group TEXT;
CREATE INDEX articles_copy_group ON articles (copy_group);

CREATE TABLE article_bands (
    band_key    TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE event_mentions ADD COLUMN claims TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN claims TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN links TEXT NOT NULL DEFAULT '[]';

CREATE INDEX event_mentions_date ON event_mentions (event_date);
CREATE INDEX event_mentions_place ON event_mentions (country, admin1);

CREATE TABLE event_aliases (
    old_id      TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;

CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    run_id      INTEGER,
    kind        TEXT NOT NULL,                  -- created | attached | merged | split | updated | retired
    event_id    TEXT NOT NULL,
    detail      TEXT NOT NULL                   -- JSON object: mentions, other event ids, fields before/after
) STRICT;

CREATE INDEX changes_at ON changes (at);
CREATE INDEX changes_event ON changes (event_id);

-- 0009_event_country: the country of an event whose report names no place inside it (issue 15).
--
--   * country_how, country_article / country_start / country_end on event_mentions and events: where
--     the country of a placeless event was read (EventCountry: "sentence", "paragraph", "article",
--     "dateline", "groups"; "reviewed" when an analyst set it) and the words that name it. Such a row
--     has `country` set and no place: `geo_precision`, `latitude` and `longitude` stay NULL, so a
--     country is never read as a point. A row has a place exactly when `geo_precision` is not NULL
--     (before this migration `country IS NOT NULL` meant that; every stored place has a precision).
--   * Rows stored before this migration keep NULL here: a placeless mention gets its country when
--     its article is extracted again (the pipeline version changed with this code).
--   * The field columns changed, so every mention's fingerprint is computed again (see _migrate.py).

ALTER TABLE event_mentions ADD COLUMN country_how TEXT;
ALTER TABLE event_mentions ADD COLUMN country_article TEXT;
ALTER TABLE event_mentions ADD COLUMN country_start INTEGER;
ALTER TABLE event_mentions ADD COLUMN country_end INTEGER;

ALTER TABLE events ADD COLUMN country_how TEXT;
ALTER TABLE events ADD COLUMN country_article TEXT;
ALTER TABLE events ADD COLUMN country_start INTEGER;
ALTER TABLE events ADD COLUMN country_end INTEGER;

UPDATE event_mentions SET fingerprint = 'stale';

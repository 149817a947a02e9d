-- 0001_initial: articles and what the per-article stages produced, fused events, runs.
--
-- Conventions
--   * Dates and timestamps are ISO 8601 TEXT (dates YYYY-MM-DD, timestamps in UTC with offset).
--   * A span is three columns X_article / X_start / X_end (half-open character range into the
--     cleaned text of article X_article); all three NULL when the field has no span.
--   * Tuples that are only ever read whole (sentence spans, associated actors, disputed fields)
--     are JSON arrays in order, so order survives the round trip.
--   * event_mentions and events share one column layout for the EventMention fields, so one codec
--     reads and writes both (see store/_codec.py; a test checks the two stay in step).
--   * Tables are STRICT: a wrong type is an error at write time, not a surprise at read time.

CREATE TABLE articles (
    id                  TEXT PRIMARY KEY,
    original_id         TEXT NOT NULL,          -- the id as given; differs from id when renamed on a collision
    content_hash        TEXT NOT NULL UNIQUE,
    origin              TEXT NOT NULL,
    outlet              TEXT,
    url                 TEXT,
    title               TEXT,
    language            TEXT,
    published           TEXT,                   -- PublicationDate.date
    published_how       TEXT NOT NULL,
    published_evidence  TEXT NOT NULL,
    published_order     TEXT NOT NULL,
    headline            TEXT,
    byline              TEXT,
    dateline            TEXT,
    raw_kind            TEXT NOT NULL,
    cleaned_text        TEXT NOT NULL,
    pipeline_version    TEXT NOT NULL,
    added_at            TEXT NOT NULL
) STRICT;

CREATE INDEX articles_original_id ON articles (original_id);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE dropped_blocks (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    line        INTEGER,
    PRIMARY KEY (article_id, seq)
) STRICT;

CREATE TABLE sentences (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    triggers    TEXT NOT NULL,                  -- JSON array of trigger words
    PRIMARY KEY (article_id, seq),
    CHECK (span_start <= span_end)
) STRICT;

CREATE TABLE rejections (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (article_id, seq),
    CHECK (span_start <= span_end)
) STRICT;

CREATE INDEX rejections_reason ON rejections (reason);

CREATE TABLE event_mentions (
    id                  TEXT PRIMARY KEY,       -- "<article_id>#<seq>"
    article_id          TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq                 INTEGER NOT NULL,
    fingerprint         TEXT NOT NULL,          -- sha256 of the field columns: finds the row for an EventMention
    event_type          TEXT NOT NULL,
    sub_event_type      TEXT NOT NULL,
    type_article        TEXT,
    type_start          INTEGER,
    type_end            INTEGER,
    event_date          TEXT,
    time_precision      INTEGER,
    date_how            TEXT,
    date_article        TEXT,
    date_start          INTEGER,
    date_end            INTEGER,
    actor1              TEXT,
    actor1_inter        INTEGER,
    actor1_key          TEXT,
    actor1_article      TEXT,
    actor1_start        INTEGER,
    actor1_end          INTEGER,
    actor2              TEXT,
    actor2_inter        INTEGER,
    actor2_key          TEXT,
    actor2_article      TEXT,
    actor2_start        INTEGER,
    actor2_end          INTEGER,
    assoc_actor_1       TEXT NOT NULL,          -- JSON [{"name", "inter", "key", "span"}]
    assoc_actor_2       TEXT NOT NULL,
    country             TEXT,
    admin1              TEXT,
    admin2              TEXT,
    location            TEXT,
    latitude            REAL,
    longitude           REAL,
    geo_precision       INTEGER,
    place_source        TEXT,
    place_article       TEXT,
    place_start         INTEGER,
    place_end           INTEGER,
    fatalities          INTEGER NOT NULL,
    fatalities_low      INTEGER,
    fatalities_high     INTEGER,
    fatalities_how      TEXT NOT NULL,
    fatalities_article  TEXT,
    fatalities_start    INTEGER,
    fatalities_end      INTEGER,
    notes               TEXT NOT NULL,
    confidence          REAL NOT NULL,
    sentences           TEXT NOT NULL,          -- JSON [[article_id, start, end], ...]
    UNIQUE (article_id, seq)
) STRICT;

CREATE INDEX event_mentions_fingerprint ON event_mentions (fingerprint);
CREATE INDEX event_mentions_type ON event_mentions (event_type, sub_event_type);

CREATE TABLE events (
    event_id            TEXT PRIMARY KEY,
    fingerprint         TEXT NOT NULL,          -- of fields + mention links + disputed: skips no-op upserts
    article_id          TEXT NOT NULL,          -- article of the representative mention
    event_type          TEXT NOT NULL,
    sub_event_type      TEXT NOT NULL,
    type_article        TEXT,
    type_start          INTEGER,
    type_end            INTEGER,
    event_date          TEXT,
    time_precision      INTEGER,
    date_how            TEXT,
    date_article        TEXT,
    date_start          INTEGER,
    date_end            INTEGER,
    actor1              TEXT,
    actor1_inter        INTEGER,
    actor1_key          TEXT,
    actor1_article      TEXT,
    actor1_start        INTEGER,
    actor1_end          INTEGER,
    actor2              TEXT,
    actor2_inter        INTEGER,
    actor2_key          TEXT,
    actor2_article      TEXT,
    actor2_start        INTEGER,
    actor2_end          INTEGER,
    assoc_actor_1       TEXT NOT NULL,
    assoc_actor_2       TEXT NOT NULL,
    country             TEXT,
    admin1              TEXT,
    admin2              TEXT,
    location            TEXT,
    latitude            REAL,
    longitude           REAL,
    geo_precision       INTEGER,
    place_source        TEXT,
    place_article       TEXT,
    place_start         INTEGER,
    place_end           INTEGER,
    fatalities          INTEGER NOT NULL,
    fatalities_low      INTEGER,
    fatalities_high     INTEGER,
    fatalities_how      TEXT NOT NULL,
    fatalities_article  TEXT,
    fatalities_start    INTEGER,
    fatalities_end      INTEGER,
    notes               TEXT NOT NULL,
    confidence          REAL NOT NULL,
    sentences           TEXT NOT NULL,
    disputed            TEXT NOT NULL,          -- JSON array of field names
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

CREATE INDEX events_date ON events (event_date, event_id);
CREATE INDEX events_place ON events (country, admin1);
CREATE INDEX events_type ON events (event_type, sub_event_type);

CREATE TABLE event_sources (
    event_id    TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,               -- order of Event.mentions
    mention_id  TEXT NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, seq),
    UNIQUE (event_id, mention_id)
) STRICT;

CREATE INDEX event_sources_mention ON event_sources (mention_id);

CREATE TABLE runs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    started             TEXT NOT NULL,
    finished            TEXT,
    pipeline_version    TEXT NOT NULL,
    settings            TEXT NOT NULL,          -- JSON object
    articles_read       INTEGER,
    articles_new        INTEGER,
    articles_duplicate  INTEGER,
    articles_skipped    INTEGER,
    events              INTEGER,
    rejections          INTEGER,
    skipped_reasons     TEXT                    -- JSON {reason: count}
) STRICT;

CREATE TABLE skipped_inputs (
    run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    origin  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
) STRICT;

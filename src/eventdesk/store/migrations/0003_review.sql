-- 0003_review: analysts' review. Corrections are never lost to a re-run of the pipeline.
--
--   * reviewed_fields: the current reviewed value of a field of an event (JSON), applied over what
--     fusion computes every time the event is written. "confirmed" marks a confirmed event.
--   * review_links: an analyst's decision that two mentions are (must) or are not (cannot) the same
--     event; fusion obeys them (merge and split).
--   * reviews: the audit trail: who, when, what, before, after, why. Never updated or deleted.

CREATE TABLE reviewed_fields (
    event_id    TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,                  -- JSON
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (event_id, field)
) STRICT;

CREATE TABLE review_links (
    mention_a   TEXT NOT NULL,                  -- mention_a < mention_b
    mention_b   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (mention_a, mention_b)
) STRICT;

CREATE INDEX review_links_b ON review_links (mention_b);

CREATE TABLE reviews (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    action      TEXT NOT NULL,                  -- confirm | correct | merge | split
    event_id    TEXT NOT NULL,
    field       TEXT,
    before      TEXT,                           -- JSON
    after       TEXT,                           -- JSON
    why         TEXT NOT NULL
) STRICT;

CREATE INDEX reviews_event ON reviews (event_id);

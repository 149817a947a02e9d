-- 0005_acled_ids: ACLED-style event ids (issue 17), ISO3 + a number per country.
--
--   * acled_ids: the number an event got in a country. An event keeps it for as long as it lies in
--     that country; an event moved to another country (a review, a re-fusion) gets a new number
--     there, and its old row stays, so a number is never given twice, not even after a merge
--     retires the event.
--   * acled_counters: the last number given in each country (numbers start at 1).

CREATE TABLE acled_ids (
    event_id    TEXT NOT NULL,
    iso3        TEXT NOT NULL,
    number      INTEGER NOT NULL CHECK (number >= 1),
    at          TEXT NOT NULL,
    PRIMARY KEY (event_id, iso3),
    UNIQUE (iso3, number)
) STRICT;

CREATE TABLE acled_counters (
    iso3        TEXT PRIMARY KEY,
    last        INTEGER NOT NULL
) STRICT;

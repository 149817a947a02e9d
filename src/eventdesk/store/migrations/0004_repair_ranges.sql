-- 0004_repair_ranges: repair stores written before every date and toll was checked.
--
-- Earlier versions stored what the text or the manifest said: a publication date of year 1 or 9999,
-- an event dated "12/31/9999", a "toll" of twenty digits. Fusion does date arithmetic and SQLite sums
-- tolls, so such a record made every later run on the store fail. The pipeline now keeps dates in
-- 1900-01-01..2100-12-31 and tolls in 0..max_fatalities (default 100,000); this migration brings
-- stored records into the same ranges: the value becomes unknown and its "how" says why. A mention
-- row changed here gets the fingerprint 'stale', which the migrator computes again afterwards.

UPDATE articles
SET published = NULL, published_how = 'none',
    published_evidence = 'cleared by migration 0004: publication date ' || published || ' out of range'
WHERE published IS NOT NULL AND (published < '1900-01-01' OR published > '2100-12-31');

UPDATE event_mentions
SET event_date = NULL, time_precision = NULL, fingerprint = 'stale',
    date_how = 'cleared by migration 0004: date ' || event_date || ' out of range'
WHERE event_date IS NOT NULL AND (event_date < '1900-01-01' OR event_date > '2100-12-31');

UPDATE events
SET event_date = NULL, time_precision = NULL,
    date_how = 'cleared by migration 0004: date ' || event_date || ' out of range'
WHERE event_date IS NOT NULL AND (event_date < '1900-01-01' OR event_date > '2100-12-31');

UPDATE event_mentions
SET fatalities = 0, fatalities_low = NULL, fatalities_high = NULL, fingerprint = 'stale',
    fatalities_how = 'cleared by migration 0004: toll out of range'
WHERE fatalities > 100000 OR fatalities < 0 OR fatalities_low > 100000 OR fatalities_high > 100000;

UPDATE events
SET fatalities = 0, fatalities_low = NULL, fatalities_high = NULL,
    fatalities_how = 'cleared by migration 0004: toll out of range'
WHERE fatalities > 100000 OR fatalities < 0 OR fatalities_low > 100000 OR fatalities_high > 100000;

-- claims of a toll or a date out of range leave the ledger
UPDATE event_mentions
SET fingerprint = 'stale', claims = (
    SELECT json_group_array(json(c.value)) FROM json_each(event_mentions.claims) AS c
    WHERE NOT (
        (json_extract(c.value, '$.field') = 'fatalities'
         AND (length(json_extract(c.value, '$.value')) > 6
              OR CAST(json_extract(c.value, '$.value') AS INTEGER) > 100000))
        OR (json_extract(c.value, '$.field') = 'event_date' AND json_extract(c.value, '$.value') != ''
            AND (json_extract(c.value, '$.value') < '1900-01-01' OR json_extract(c.value, '$.value') > '2100-12-31'))
    )
)
WHERE EXISTS (
    SELECT 1 FROM json_each(event_mentions.claims) AS c
    WHERE (json_extract(c.value, '$.field') = 'fatalities'
         AND (length(json_extract(c.value, '$.value')) > 6
              OR CAST(json_extract(c.value, '$.value') AS INTEGER) > 100000))
        OR (json_extract(c.value, '$.field') = 'event_date' AND json_extract(c.value, '$.value') != ''
            AND (json_extract(c.value, '$.value') < '1900-01-01' OR json_extract(c.value, '$.value') > '2100-12-31'))
);

UPDATE events
SET claims = (
    SELECT json_group_array(json(c.value)) FROM json_each(events.claims) AS c
    WHERE NOT (
        (json_extract(c.value, '$.field') = 'fatalities'
         AND (length(json_extract(c.value, '$.value')) > 6
              OR CAST(json_extract(c.value, '$.value') AS INTEGER) > 100000))
        OR (json_extract(c.value, '$.field') = 'event_date' AND json_extract(c.value, '$.value') != ''
            AND (json_extract(c.value, '$.value') < '1900-01-01' OR json_extract(c.value, '$.value') > '2100-12-31'))
    )
)
WHERE EXISTS (
    SELECT 1 FROM json_each(events.claims) AS c
    WHERE (json_extract(c.value, '$.field') = 'fatalities'
         AND (length(json_extract(c.value, '$.value')) > 6
              OR CAST(json_extract(c.value, '$.value') AS INTEGER) > 100000))
        OR (json_extract(c.value, '$.field') = 'event_date' AND json_extract(c.value, '$.value') != ''
            AND (json_extract(c.value, '$.value') < '1900-01-01' OR json_extract(c.value, '$.value') > '2100-12-31'))
);

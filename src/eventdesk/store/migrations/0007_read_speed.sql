-- 0007_read_speed: what the reads of the HTTP API need on stores of 100,000 events and more.
--
--   * events.source_count / events.independent_sources: how many articles report the event and how
--     many of them are not copies of one another (syndicated copies share articles.copy_group). Kept
--     by triggers on event_sources and articles.copy_group, whichever code writes them, so sorting by
--     sources and the min_sources filter read a column (and an index) instead of counting per event.
--   * store_version: one number that every change to events, articles, aliases or reviewed values
--     raises (triggers). Readers keep answers (filter values, counts, statistics) while it stays the same.
--   * event_search (FTS5, trigram tokenizer): each event's actor names and its notes and evidence
--     sentences, kept by triggers, rowid = the event's rowid (an event's sources are rewritten by
--     deleting and inserting them all, so the text is rebuilt on insert only). It narrows the API's substring filters
--     (actor, q) to the events that can match before the exact test runs on them.
--   * indexes for every sort the API offers (ties by event_id), for the newest events of a country,
--     province or type, the map's bounding box, and a covering index for the filters, counts and
--     statistics.

ALTER TABLE events ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN independent_sources INTEGER NOT NULL DEFAULT 0;

UPDATE events SET
    source_count = (SELECT count(DISTINCT m.article_id) FROM event_sources es
                    JOIN event_mentions m ON m.id = es.mention_id WHERE es.event_id = events.event_id),
    independent_sources = (SELECT count(DISTINCT coalesce(nullif(a.copy_group, ''), a.id)) FROM event_sources es
                           JOIN event_mentions m ON m.id = es.mention_id JOIN articles a ON a.id = m.article_id
                           WHERE es.event_id = events.event_id);

CREATE TRIGGER event_sources_added AFTER INSERT ON event_sources BEGIN
    UPDATE events SET
        source_count = (SELECT count(DISTINCT m.article_id) FROM event_sources es
                        JOIN event_mentions m ON m.id = es.mention_id WHERE es.event_id = NEW.event_id),
        independent_sources = (SELECT count(DISTINCT coalesce(nullif(a.copy_group, ''), a.id)) FROM event_sources es
                               JOIN event_mentions m ON m.id = es.mention_id JOIN articles a ON a.id = m.article_id
                               WHERE es.event_id = NEW.event_id)
    WHERE event_id = NEW.event_id;
END;

CREATE TRIGGER event_sources_removed AFTER DELETE ON event_sources BEGIN
    UPDATE events SET
        source_count = (SELECT count(DISTINCT m.article_id) FROM event_sources es
                        JOIN event_mentions m ON m.id = es.mention_id WHERE es.event_id = OLD.event_id),
        independent_sources = (SELECT count(DISTINCT coalesce(nullif(a.copy_group, ''), a.id)) FROM event_sources es
                               JOIN event_mentions m ON m.id = es.mention_id JOIN articles a ON a.id = m.article_id
                               WHERE es.event_id = OLD.event_id)
    WHERE event_id = OLD.event_id;
END;

CREATE TRIGGER articles_copy_group AFTER UPDATE OF copy_group ON articles
WHEN coalesce(OLD.copy_group, '') <> coalesce(NEW.copy_group, '') BEGIN
    UPDATE events SET
        independent_sources = (SELECT count(DISTINCT coalesce(nullif(a.copy_group, ''), a.id)) FROM event_sources es
                               JOIN event_mentions m ON m.id = es.mention_id JOIN articles a ON a.id = m.article_id
                               WHERE es.event_id = events.event_id)
    WHERE event_id IN (SELECT es.event_id FROM event_mentions m JOIN event_sources es ON es.mention_id = m.id
                       WHERE m.article_id = NEW.id);
END;


CREATE VIRTUAL TABLE event_search USING fts5(actors, text, tokenize = 'trigram');

INSERT INTO event_search (rowid, actors, text) SELECT e.rowid,
    coalesce(e.actor1, '') || char(10) || coalesce(e.actor2, '') || char(10)
        || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_1) j), '')
        || char(10)
        || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_2) j), ''),
    e.notes || char(10) || coalesce((SELECT group_concat(substr(a.cleaned_text, json_extract(s.value, '$[1]') + 1,
        json_extract(s.value, '$[2]') - json_extract(s.value, '$[1]')), char(10))
        FROM event_sources es JOIN event_mentions m ON m.id = es.mention_id JOIN json_each(m.sentences) s
        JOIN articles a ON a.id = json_extract(s.value, '$[0]') WHERE es.event_id = e.event_id), '')
FROM events e;

CREATE TRIGGER event_search_inserted AFTER INSERT ON events BEGIN
    DELETE FROM event_search WHERE rowid = (SELECT rowid FROM events WHERE event_id = NEW.event_id);
    INSERT INTO event_search (rowid, actors, text) SELECT e.rowid,
        coalesce(e.actor1, '') || char(10) || coalesce(e.actor2, '') || char(10)
            || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_1) j), '')
            || char(10)
            || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_2) j), ''),
        e.notes || char(10) || coalesce((SELECT group_concat(substr(a.cleaned_text, json_extract(s.value, '$[1]') + 1,
            json_extract(s.value, '$[2]') - json_extract(s.value, '$[1]')), char(10))
            FROM event_sources es JOIN event_mentions m ON m.id = es.mention_id JOIN json_each(m.sentences) s
            JOIN articles a ON a.id = json_extract(s.value, '$[0]') WHERE es.event_id = e.event_id), '')
    FROM events e WHERE e.event_id = NEW.event_id;
END;
CREATE TRIGGER event_search_updated AFTER UPDATE OF notes, actor1, actor2, assoc_actor_1, assoc_actor_2 ON events BEGIN
    DELETE FROM event_search WHERE rowid = (SELECT rowid FROM events WHERE event_id = NEW.event_id);
    INSERT INTO event_search (rowid, actors, text) SELECT e.rowid,
        coalesce(e.actor1, '') || char(10) || coalesce(e.actor2, '') || char(10)
            || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_1) j), '')
            || char(10)
            || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_2) j), ''),
        e.notes || char(10) || coalesce((SELECT group_concat(substr(a.cleaned_text, json_extract(s.value, '$[1]') + 1,
            json_extract(s.value, '$[2]') - json_extract(s.value, '$[1]')), char(10))
            FROM event_sources es JOIN event_mentions m ON m.id = es.mention_id JOIN json_each(m.sentences) s
            JOIN articles a ON a.id = json_extract(s.value, '$[0]') WHERE es.event_id = e.event_id), '')
    FROM events e WHERE e.event_id = NEW.event_id;
END;
CREATE TRIGGER event_search_deleted AFTER DELETE ON events BEGIN
    DELETE FROM event_search WHERE rowid = OLD.rowid;
END;
CREATE TRIGGER event_search_source_added AFTER INSERT ON event_sources BEGIN
    DELETE FROM event_search WHERE rowid = (SELECT rowid FROM events WHERE event_id = NEW.event_id);
    INSERT INTO event_search (rowid, actors, text) SELECT e.rowid,
        coalesce(e.actor1, '') || char(10) || coalesce(e.actor2, '') || char(10)
            || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_1) j), '')
            || char(10)
            || coalesce((SELECT group_concat(json_extract(j.value, '$.name'), char(10)) FROM json_each(e.assoc_actor_2) j), ''),
        e.notes || char(10) || coalesce((SELECT group_concat(substr(a.cleaned_text, json_extract(s.value, '$[1]') + 1,
            json_extract(s.value, '$[2]') - json_extract(s.value, '$[1]')), char(10))
            FROM event_sources es JOIN event_mentions m ON m.id = es.mention_id JOIN json_each(m.sentences) s
            JOIN articles a ON a.id = json_extract(s.value, '$[0]') WHERE es.event_id = e.event_id), '')
    FROM events e WHERE e.event_id = NEW.event_id;
END;

CREATE TABLE store_version (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     INTEGER NOT NULL
) STRICT;
INSERT INTO store_version (id, version) VALUES (1, 0);

CREATE TRIGGER events_inserted AFTER INSERT ON events BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER events_updated AFTER UPDATE ON events BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER articles_inserted AFTER INSERT ON articles BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER articles_deleted AFTER DELETE ON articles BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER event_aliases_changed AFTER INSERT ON event_aliases BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER reviewed_fields_inserted AFTER INSERT ON reviewed_fields BEGIN
    UPDATE store_version SET version = version + 1;
END;
CREATE TRIGGER reviewed_fields_updated AFTER UPDATE ON reviewed_fields BEGIN
    UPDATE store_version SET version = version + 1;
END;

CREATE INDEX events_date_desc ON events (event_date DESC, event_id);
CREATE INDEX events_fatalities ON events (fatalities, event_id);
CREATE INDEX events_fatalities_desc ON events (fatalities DESC, event_id);
CREATE INDEX events_sources ON events (source_count, event_id);
CREATE INDEX events_sources_desc ON events (source_count DESC, event_id);
CREATE INDEX events_country_date ON events (country, event_date DESC, event_id);
CREATE INDEX events_province_date ON events (country, admin1, event_date DESC, event_id);
CREATE INDEX events_type_date ON events (event_type, event_date DESC, event_id);
CREATE INDEX events_subtype_date ON events (sub_event_type, event_date DESC, event_id);
CREATE INDEX events_position ON events (latitude, longitude);
CREATE INDEX events_filters ON events (country, admin1, event_date, event_type, sub_event_type, fatalities,
                                       independent_sources, latitude, longitude);

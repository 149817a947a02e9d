-- 0006_reextraction: what re-extraction needs when the pipeline version changes (issue 18).
--
--   * article_inputs: each article as it was read (its raw text or HTML, zlib-compressed UTF-8, and
--     the other fields of the Article as JSON), so the stages can run on it again. Articles stored
--     before this migration have no row: they are re-extracted only when their input is given again
--     (`eventdesk extract --reprocess INPUTS`).
--   * articles.pipeline_version (since 0001) names the version that produced an article's results;
--     indexed, so the articles of another version are found without a scan.
--   * pending_fusion: mentions a re-extraction replaced that fusion has not yet taken in, with the
--     reason the change log gives; a run killed between the two leaves them for the next run.
--   * runs: how many articles a run re-extracted, and how many stored articles still come from
--     another pipeline version when it finished.

CREATE TABLE article_inputs (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    raw         BLOB NOT NULL,                  -- zlib(Article.raw as UTF-8)
    fields      TEXT NOT NULL                   -- JSON: the Article's other fields as read
) STRICT;

CREATE INDEX articles_pipeline_version ON articles (pipeline_version);

CREATE TABLE pending_fusion (
    mention_id  TEXT PRIMARY KEY REFERENCES event_mentions (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL
) STRICT;

ALTER TABLE runs ADD COLUMN articles_reextracted INTEGER;
ALTER TABLE runs ADD COLUMN articles_stale INTEGER;

-- 0008_run_limits: how many times each limit was reached in a run (issue 18).
--
--   * runs.limits: JSON {setting: count}, e.g. {"max_line_bytes": 2, "max_sentence_chars": 14}: the
--     inputs a limit skipped and the sentences one left unread, as the run summary reports them.
--     Runs finished before this migration have NULL (not counted then), which reads as no limit reached.

ALTER TABLE runs ADD COLUMN limits TEXT;

-- Likely duplicates found through locality-sensitive hashing instead of a trigram index over every case
-- (docs/2026-12-03-feedback-duplicate-bands.md). The trigram index answered "near-identical text" by reading the
-- posting lists of every trigram of the text - in Vietnamese the common ones ("ng ", " th", "nh ") hold nearly
-- every case of every ward - so each search grew with the whole table, and its 200 candidates could all come from
-- other wards. A case is now filed under 24 band keys of its text's MinHash (TextBands, ward included); the search
-- reads the few cases that share a key (in the ward's window) and checks them by trigram similarity as before.
alter table feedback add column text_bands bigint[];
-- fastupdate off: with a pending list every search reads the whole list (up to 4 MB), and the insert that
-- overflows it merges it into the index while its citizen waits (measured: searches of 35 ms, a batch of 1.7 s)
create index feedback_text_bands on feedback using gin (text_bands) with (fastupdate = off);
-- cases stored before this migration get their keys from DuplicateSweep (found through this index, empty after)
create index feedback_text_bands_missing on feedback (received_at) where text_bands is null;
drop index feedback_content_trgm;

-- The cases still to be checked, as a queue of their own: marking a case checked no longer writes a new version
-- of the case row (with an entry in each of its indexes); the sweep deletes its queue rows instead.
create table duplicate_check (
    queued_at   timestamptz not null,
    feedback_id uuid        not null,
    primary key (queued_at, feedback_id)
);
insert into duplicate_check (queued_at, feedback_id) select received_at, id from feedback where not duplicate_checked;
drop index feedback_duplicate_unchecked;
alter table feedback drop column duplicate_checked;

-- Queue-like tables: every row is deleted (duplicate_check) or rewritten once (outbox_event, when published) soon
-- after it is written. The default autovacuum waits for a fifth of the table to be dead; until then every take of
-- the oldest rows walks over the dead index entries (measured: 12 ms and 867 pages to find no pending event, after
-- 160,000 events). Vacuum them after a fixed number of dead rows instead, without throttling. Each vacuum of the
-- outbox reads all of its indexes, so not too often: 20,000 rows is ten seconds of events at 1,000 submissions/s.
alter table duplicate_check set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 20000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.02);

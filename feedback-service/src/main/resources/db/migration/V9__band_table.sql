-- The band keys of a case's text (TextBands) are filed by the duplicate sweep into a table of their own instead of a
-- GIN index over feedback.text_bands (docs/2026-12-07-feedback-band-table.md). The GIN index made every intake
-- transaction insert 24 entries at random places of the index, with a full-page image in the WAL for each page first
-- touched after a checkpoint: PostgreSQL's largest share of a submission, paid while the citizen waited. The sweep
-- already runs after intake, in batches, and yields to a busy intake; it now files a case's keys just before it
-- searches for the case's likely duplicate. Intake still stores the keys in the case row (computed in Java; the
-- column has no index now), so the sweep files them with one statement.
create table feedback_band (
    band        bigint      not null,
    received_at timestamptz not null,
    feedback_id uuid        not null,
    -- the search reads a key's cases in the ward's window (the key includes the ward): one range of this index
    primary key (band, received_at, feedback_id)
);
-- cases already checked were filed under the GIN index; the ones still queued are filed by the sweep when it takes them
insert into feedback_band (band, received_at, feedback_id)
select distinct k.band, f.received_at, f.id
from feedback f cross join lateral unnest(f.text_bands) as k(band)
where f.text_bands is not null and not exists (select 1 from duplicate_check q where q.feedback_id = f.id);
drop index feedback_text_bands;

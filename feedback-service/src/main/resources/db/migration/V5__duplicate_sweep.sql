-- Duplicate suggestions are computed after intake by a background sweep (docs/2026-11-26-feedback-intake.md):
-- a similarity search grows with the table and must not sit on the citizen's request path.
alter table feedback add column duplicate_checked boolean not null default false;
create index feedback_duplicate_unchecked on feedback (received_at) where duplicate_checked = false;
-- the trigram index only pays when the planner's statistics are fresh: analyse the case table after ~2% of change
alter table feedback set (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 200);

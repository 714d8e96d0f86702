-- Every rating a case received, one per answer: after a reopen the new answer can be rated again, and the earlier
-- rating stays here (the case row keeps only the rating of its current answer).
create table feedback_rating (
    id           uuid primary key,
    feedback_id  uuid          not null references feedback (id),
    answer_round integer       not null,
    rating       integer       not null check (rating between 1 and 5),
    comment      varchar(2000),
    rated_at     timestamptz   not null,
    constraint feedback_rating_once_per_answer unique (feedback_id, answer_round)
);

-- Answered cases waiting for their reopen window to pass (auto-close).
create index feedback_answered_waiting on feedback (answered_at) where status = 'ANSWERED';

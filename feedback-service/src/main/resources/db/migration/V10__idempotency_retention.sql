-- Idempotency-Keys are forgotten after feedback.idempotency-retention (docs/2026-12-07-idempotency-retention.md);
-- the hourly cleanup finds the oldest through this index. Keys are claimed in time order, so each insert lands at the
-- index's right edge.
create index idempotency_key_created on idempotency_key (created_at);

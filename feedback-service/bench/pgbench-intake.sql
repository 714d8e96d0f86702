-- What one accepted submission writes, as plain SQL, one transaction per submission as a naive client would: the
-- Idempotency-Key claim with its answer (only when run with -D with_key=1, as the citizen API load sends keys), the
-- case, its audit row and its two outbox events (received, assigned). pgbench runs it beside wrk on the same database.
-- Tracking codes come from a sequence behind a '0', a character the service never uses: no collisions with each
-- other (random 8-hex-digit codes collided within 100,000 rows and aborted a client) nor with the service's codes.
-- Each case gets 24 random band keys in its row, as the service stores with its cases (TextBands; since V9 the column
-- has no index: the duplicate sweep files the keys in feedback_band after intake). Its cases are not put in the
-- duplicate_check queue, so that the service's background duplicate sweep works only on the service's own cases (it
-- would otherwise spend the service's CPU on pgbench's rows); its outbox rows are marked published for the same
-- reason (the relay publishes only the service's events).
\set n random(1, 2000000000)
BEGIN;
\if :with_key
INSERT INTO idempotency_key (scope, key, request_hash, response, created_at)
VALUES ('bench-pgb', 'k-' || :n || '-' || md5(random()::text), md5(random()::text) || md5(random()::text),
        '{"trackingCode":"XXXXXXXX","status":"ASSIGNED","dueDate":"2026-12-10","receivedAt":"2026-12-02T00:00:00Z"}',
        now());
\endif
WITH f AS (
  INSERT INTO feedback (id, tracking_code, ward, channel, category, unit, priority, status, content, content_folded,
                        citizen_phone, received_at, due_date, version, text_bands)
  VALUES (gen_random_uuid(), '0' || lpad(nextval('bench_code')::text, 7, '0'), 'phu-lien', 'WEB', 'MOI_TRUONG', 'KT', 'HIGH',
          'ASSIGNED', 'bench-pgb-' || :n || ' Rác thải chưa được thu gom ở tổ 5, phường Phù Liễn',
          'bench-pgb-' || :n || ' rac thai chua duoc thu gom o to 5, phuong phu lien', '+84912345678', now(),
          current_date + 7, 0,
          (SELECT array_agg((random() * 9e18)::bigint) FROM generate_series(1, 24)))
  RETURNING id)
, h AS (
  INSERT INTO feedback_history (id, feedback_id, at, actor, action, to_status)
  SELECT gen_random_uuid(), id, now(), 'citizen', 'RECEIVE', 'ASSIGNED' FROM f)
INSERT INTO outbox_event (id, topic, event_type, aggregate_id, subject, ward, payload, created_at, published_at)
SELECT gen_random_uuid(), 'bench.pgbench.v1', t, f.id::text, f.id::text, 'phu-lien',
       '{"feedbackId":"' || f.id || '","trackingCode":"XXXXXXXX","ward":"phu-lien","channel":"WEB","category":'
       || '"MOI_TRUONG","unit":"KT","status":"ASSIGNED","receivedAt":"2026-12-02T08:00:00Z","dueDate":"2026-12-10",'
       || '"actor":"citizen"}', now(), now()
FROM f, (VALUES ('received'), ('assigned')) AS e(t);
END;

package vn.friendlygov.feedback.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import vn.friendlygov.common.ids.TimeOrderedIds;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * A batch of intake written by ONE statement: the idempotency claims, the cases whose claim was free (or that came
 * without a key), their audit rows, their places in the duplicate-check queue and their events, as data-modifying
 * CTEs over arrays (one array per column). One round trip and one execution per batch, whatever its size, where a
 * statement per table (each cut by the driver into multi-row inserts of 1, 2, 4… rows) took up to nine executions
 * and five round trips for the usual batch of 1–3 submissions: less CPU in the intake writers; PostgreSQL's cost
 * is the rows' and stays the same (docs/2026-12-08-feedback-intake-cpu-2.md). A claim already taken (by an earlier
 * request, or a concurrent one whose commit the insert waits for) is skipped, and so are its case and that case's
 * rows.
 */
final class IntakeStatement {

    private static final String SQL = """
            with claimed as (
                insert into idempotency_key (scope, key, request_hash, response, created_at)
                select k.scope, k.key, k.hash, k.response, now()
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as k(scope, key, hash, response)
                on conflict do nothing
                returning scope, key
            ), input as (
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[],
                    ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
                as u(id, tracking_code, ward, channel, category, unit, priority, status, content, content_folded,
                    citizen_name, citizen_phone, citizen_email, citizen_address, latitude, longitude, photos,
                    attributes, channel_user_id, received_at, due_date, collection_date, collection_source,
                    recorded_by, text_bands, history_id, claim_scope, claim_key)
            ), stored as (
                insert into feedback (id, tracking_code, ward, channel, category, unit, priority, status, content,
                    content_folded, citizen_name, citizen_phone, citizen_email, citizen_address, latitude, longitude,
                    photos, attributes, channel_user_id, received_at, due_date, collection_date, collection_source,
                    recorded_by, text_bands, reopen_count, overdue_announced, version)
                select u.id, u.tracking_code, u.ward, u.channel, u.category, u.unit, u.priority, u.status, u.content,
                    u.content_folded, u.citizen_name, u.citizen_phone, u.citizen_email, u.citizen_address,
                    u.latitude, u.longitude, u.photos, u.attributes, u.channel_user_id, u.received_at::timestamptz,
                    u.due_date::date, u.collection_date::date, u.collection_source, u.recorded_by,
                    u.text_bands::bigint[], 0, false, 0
                from input u
                where u.claim_key is null
                    or exists (select 1 from claimed k where k.scope = u.claim_scope and k.key = u.claim_key)
                returning id
            ), history as (
                insert into feedback_history (id, feedback_id, at, actor, action, from_status, to_status)
                select u.history_id, u.id, u.received_at::timestamptz, u.recorded_by, 'RECEIVE', null, u.status
                from input u join stored s on s.id = u.id
            ), queued as (
                insert into duplicate_check (queued_at, feedback_id)
                select u.received_at::timestamptz, u.id from input u join stored s on s.id = u.id
            ), events as (
                insert into outbox_event (id, topic, event_type, aggregate_id, subject, ward, payload, created_at,
                    attempts)
                select e.id, e.topic, e.event_type, e.aggregate_id, e.subject, e.ward, e.payload,
                    e.created_at::timestamptz, 0
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::uuid[]) as e(id, topic, event_type, aggregate_id, subject, ward, payload, created_at, case_id)
                join stored s on s.id = e.case_id
            )
            select scope, key from claimed""";

    /** A case to write with the claim it depends on (null: no Idempotency-Key) and its events. */
    record Row(Feedback feedback, Idempotency.Claim claim, List<OutboxEvent> events) {
    }

    private IntakeStatement() {
    }

    /**
     * Writes the rows in the running transaction on {@code c} (the transaction's connection). {@code claims} are
     * the distinct claims of the batch with their {@code answers}; each row's claim must be one of them.
     *
     * @return the claims that were free and are now taken by this batch, as {@code List.of(scope, key)}
     */
    static Set<List<String>> write(Connection c, List<Idempotency.Claim> claims, List<String> answers,
            List<Row> rows) throws SQLException {
        int events = rows.stream().mapToInt(r -> r.events().size()).sum();
        Object[][] e = new Object[9][events];
        int n = 0;
        for (Row r : rows) {
            for (OutboxEvent ev : r.events()) {
                e[0][n] = ev.id;
                e[1][n] = ev.topic;
                e[2][n] = ev.type;
                e[3][n] = ev.aggregateId;
                e[4][n] = ev.subject;
                e[5][n] = ev.ward;
                e[6][n] = ev.payload;
                e[7][n] = ev.createdAt.toString();
                e[8][n] = r.feedback().id;
                n++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            int i = 1;
            ps.setArray(i++, c.createArrayOf("text", claims.stream().map(Idempotency.Claim::scope).toArray()));
            ps.setArray(i++, c.createArrayOf("text", claims.stream().map(Idempotency.Claim::key).toArray()));
            ps.setArray(i++, c.createArrayOf("text", claims.stream().map(Idempotency.Claim::requestHash).toArray()));
            ps.setArray(i++, c.createArrayOf("text", answers.toArray()));
            i = column(ps, c, i, "uuid", rows, f -> f.id);
            i = column(ps, c, i, "text", rows, f -> f.trackingCode);
            i = column(ps, c, i, "text", rows, f -> f.ward);
            i = column(ps, c, i, "text", rows, f -> f.channel.name());
            i = column(ps, c, i, "text", rows, f -> f.category);
            i = column(ps, c, i, "text", rows, f -> f.unit);
            i = column(ps, c, i, "text", rows, f -> f.priority.name());
            i = column(ps, c, i, "text", rows, f -> f.status.name());
            i = column(ps, c, i, "text", rows, f -> f.content);
            i = column(ps, c, i, "text", rows, f -> f.contentFolded);
            i = column(ps, c, i, "text", rows, f -> f.citizenName);
            i = column(ps, c, i, "text", rows, f -> f.citizenPhone);
            i = column(ps, c, i, "text", rows, f -> f.citizenEmail);
            i = column(ps, c, i, "text", rows, f -> f.citizenAddress);
            i = column(ps, c, i, "float8", rows, f -> f.latitude);
            i = column(ps, c, i, "float8", rows, f -> f.longitude);
            i = column(ps, c, i, "text", rows, f -> f.photos);
            i = column(ps, c, i, "text", rows, f -> f.attributes);
            i = column(ps, c, i, "text", rows, f -> f.channelUserId);
            // timestamps and dates as ISO-8601 text, cast in the statement (the driver has no arrays of them)
            i = column(ps, c, i, "text", rows, f -> f.receivedAt.toString());
            i = column(ps, c, i, "text", rows, f -> f.dueDate.toString());
            i = column(ps, c, i, "text", rows, f -> f.collectionDate == null ? null : f.collectionDate.toString());
            i = column(ps, c, i, "text", rows, f -> f.collectionSource);
            i = column(ps, c, i, "text", rows, f -> f.recordedBy);
            i = column(ps, c, i, "text", rows, f -> bandLiteral(TextBands.of(f.ward, f.contentFolded)));
            ps.setArray(i++, c.createArrayOf("uuid", rows.stream().map(r -> TimeOrderedIds.next()).toArray()));
            ps.setArray(i++, c.createArrayOf("text",
                    rows.stream().map(r -> r.claim() == null ? null : r.claim().scope()).toArray()));
            ps.setArray(i++, c.createArrayOf("text",
                    rows.stream().map(r -> r.claim() == null ? null : r.claim().key()).toArray()));
            String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "text", "uuid"};
            for (int k = 0; k < e.length; k++) {
                ps.setArray(i++, c.createArrayOf(types[k], e[k]));
            }
            Set<List<String>> taken = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(List.of(rs.getString(1), rs.getString(2)));
                }
            }
            return taken;
        }
    }

    private static int column(PreparedStatement ps, Connection c, int index, String type, List<Row> rows,
            Function<Feedback, Object> value) throws SQLException {
        ps.setArray(index, c.createArrayOf(type, rows.stream().map(r -> value.apply(r.feedback())).toArray()));
        return index + 1;
    }

    /** {@code {k1,k2,…}}: one case's band keys as an array literal (an array of arrays cannot be unnested by row). */
    static String bandLiteral(long[] bands) {
        StringBuilder s = new StringBuilder(bands.length * 21 + 2).append('{');
        for (int i = 0; i < bands.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(bands[i]);
        }
        return s.append('}').toString();
    }
}

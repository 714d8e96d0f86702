package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.feedback.config.FeedbackConfig;

/**
 * Suggests, never decides: a recent case of the same ward that is likely the same matter — the same phone number
 * and category, or near-identical text (trigram similarity on the diacritics-folded text) at about the same place.
 * Staff see the suggestion and may mark the case DUPLICATE. Near-identical candidates come from the band keys
 * ({@link TextBands}) the case is filed under in {@code feedback_band}, so a search reads a handful of cases
 * whatever the size of the table.
 */
@ApplicationScoped
public class DuplicateFinder {

    /** A checked case and its likely duplicate, null when none was found. */
    public record Checked(UUID id, UUID likelyDuplicate) {
    }

    /** The oldest queued cases no other sweep holds, taken off the queue. */
    private static final String TAKE = "delete from duplicate_check"
            + " where (queued_at, feedback_id) in (select queued_at, feedback_id from duplicate_check"
            + " order by queued_at limit ? for update skip locked) returning feedback_id";

    /**
     * Files cases under their band keys (stored with the case at intake); a case filed before (a sweep that ran
     * again, a case refiled after V8) keeps its rows.
     */
    private static final String FILE = "insert into feedback_band (band, received_at, feedback_id)"
            + " select distinct k.band, f.received_at, f.id from feedback f cross join lateral unnest(f.text_bands)"
            + " as k(band) where f.id = any(?) on conflict do nothing";

    /**
     * One statement for a batch of cases, each searched for. The text search reads only the cases filed under one
     * of its band keys in the window (the keys name the ward, so the ward's cases only: one range of the band
     * table's key per band) and checks everything else on those candidates alone: given the chance, the planner
     * scanned the ward's month by date computing the similarity of every case (370 ms instead of 1). The limit on
     * candidates only guards against a pathological key; a text has one to a few hundred.
     */
    private static final String SEARCH = "with probe as (select f.id, f.ward, f.citizen_phone, f.category,"
            + " f.received_at, f.content_folded, f.latitude, f.longitude, f.text_bands,"
            + " f.received_at - make_interval(days => ?) as since from feedback f where f.id = any(?))"
            + " select p.id, coalesce("
            + " (select f.id from feedback f where p.citizen_phone is not null and f.ward = p.ward"
            + " and f.citizen_phone = p.citizen_phone and f.category is not distinct from p.category"
            + " and f.id <> p.id and f.received_at <= p.received_at and f.received_at >= p.since"
            + " and f.status not in ('REJECTED', 'DUPLICATE') order by f.received_at desc limit 1),"
            + " (select n.id from (select distinct b.feedback_id from feedback_band b"
            + " where b.band = any(p.text_bands) and b.received_at >= p.since and b.received_at <= p.received_at"
            + " limit 5000) c join feedback n on n.id = c.feedback_id"
            + " where n.ward = p.ward and n.id <> p.id and n.status not in ('REJECTED', 'DUPLICATE')"
            // metres per degree of latitude; longitude degrees shrink with cos(latitude)
            + " and (p.latitude is null or n.latitude is null or 111320 * sqrt(power(n.latitude - p.latitude, 2)"
            + " + power(cos(radians(p.latitude)) * (n.longitude - p.longitude), 2)) <= ?)"
            + " and similarity(n.content_folded, p.content_folded) >= ?"
            + " order by similarity(n.content_folded, p.content_folded) desc, n.received_at desc limit 1))"
            + " from probe p";

    private final FeedbackConfig config;

    public DuplicateFinder(FeedbackConfig config) {
        this.config = config;
    }

    /**
     * Takes up to {@code batch} queued cases, files them under their band keys and searches each (in that order, so
     * that two likely duplicates of one batch find each other); in the caller's transaction, on its connection.
     */
    public List<Checked> checkQueued(Connection c, int batch) throws SQLException {
        List<UUID> taken = new ArrayList<>(batch);
        try (PreparedStatement ps = c.prepareStatement(TAKE)) {
            ps.setInt(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (taken.isEmpty()) {
            return List.of();
        }
        Array ids = c.createArrayOf("uuid", taken.toArray());
        file(c, ids);
        try (Statement s = c.createStatement()) {
            // the estimates of a statement made of correlated subqueries are large enough to start PostgreSQL's JIT
            // compiler, which then spends seconds compiling a query that runs in milliseconds
            s.execute("set local jit = off");
        }
        List<Checked> checked = new ArrayList<>(taken.size());
        try (PreparedStatement ps = c.prepareStatement(SEARCH)) {
            ps.setInt(1, config.duplicateWindowDays());
            ps.setArray(2, ids);
            ps.setDouble(3, config.duplicateRadiusMetres());
            ps.setDouble(4, config.duplicateSimilarity());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checked.add(new Checked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                }
            }
        }
        return checked;
    }

    /** Files the cases of a {@code uuid[]} under the band keys stored with them; on the caller's connection. */
    static void file(Connection c, Array ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FILE)) {
            ps.setArray(1, ids);
            ps.executeUpdate();
        }
    }
}

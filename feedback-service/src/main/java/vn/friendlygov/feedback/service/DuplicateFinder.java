package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import vn.friendlygov.feedback.config.FeedbackConfig;

/**
 * Suggests, never decides: a recent case of the same ward that is likely the same matter — the same phone number
 * and category, or near-identical text (trigram similarity on the diacritics-folded text) at about the same place.
 * Staff see the suggestion and may mark the case DUPLICATE. Near-identical candidates come from the band keys
 * ({@link TextBands}), so a search reads a handful of cases whatever the size of the table.
 */
@ApplicationScoped
public class DuplicateFinder {

    /** What the search needs of a case. */
    public record Probe(UUID id, String ward, String phone, String category, OffsetDateTime receivedAt,
            String folded, Double latitude, Double longitude, long[] bands) {
    }

    private static final String NOT_CLOSED_AS = " and status not in ('REJECTED', 'DUPLICATE')";
    private static final String SAME_PERSON = "select id from feedback where ward = ? and citizen_phone = ?"
            + " and category is not distinct from ? and id <> ? and received_at <= ? and received_at >= ?"
            + NOT_CLOSED_AS + " order by received_at desc limit 1";
    // The band keys name the ward, so the candidates are the ward's. Everything else is checked on the candidates
    // alone: given the chance (a generic plan of the prepared statement), the planner scanned the ward's window by
    // date instead, computing the similarity of every case of the month (370 ms instead of 1). The limit only
    // guards against a pathological key; it is far above the candidates a text has (one to a few hundred).
    private static final String SAME_TEXT = "with near as materialized (select id, ward, status, received_at,"
            + " latitude, longitude, content_folded from feedback where text_bands && ? limit 5000)"
            + " select id from near where ward = ? and id <> ? and received_at <= ? and received_at >= ?"
            + NOT_CLOSED_AS
            // metres per degree of latitude; longitude degrees shrink with cos(latitude)
            + " and (? is null or latitude is null or 111320 * sqrt(power(latitude - ?, 2)"
            + " + power(cos(radians(?)) * (longitude - ?), 2)) <= ?)"
            + " and similarity(content_folded, ?) >= ?"
            + " order by similarity(content_folded, ?) desc, received_at desc limit 1";

    private final FeedbackConfig config;

    public DuplicateFinder(FeedbackConfig config) {
        this.config = config;
    }

    /** In the caller's transaction, on its connection. */
    public Optional<UUID> likelyDuplicateOf(Connection c, Probe p) throws SQLException {
        OffsetDateTime since = p.receivedAt().minusDays(config.duplicateWindowDays());
        if (p.phone() != null) {
            try (PreparedStatement ps = c.prepareStatement(SAME_PERSON)) {
                ps.setString(1, p.ward());
                ps.setString(2, p.phone());
                ps.setString(3, p.category());
                ps.setObject(4, p.id());
                ps.setObject(5, p.receivedAt());
                ps.setObject(6, since);
                Optional<UUID> found = first(ps);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (p.bands() == null || p.bands().length == 0) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(SAME_TEXT)) {
            int i = 1;
            Long[] bands = new Long[p.bands().length];
            for (int b = 0; b < bands.length; b++) {
                bands[b] = p.bands()[b];
            }
            ps.setArray(i++, c.createArrayOf("bigint", bands));
            ps.setString(i++, p.ward());
            ps.setObject(i++, p.id());
            ps.setObject(i++, p.receivedAt());
            ps.setObject(i++, since);
            boolean placed = p.latitude() != null && p.longitude() != null;
            ps.setObject(i++, placed ? p.latitude() : null, Types.DOUBLE);
            ps.setObject(i++, placed ? p.latitude() : null, Types.DOUBLE);
            ps.setObject(i++, placed ? p.latitude() : null, Types.DOUBLE);
            ps.setObject(i++, placed ? p.longitude() : null, Types.DOUBLE);
            ps.setDouble(i++, config.duplicateRadiusMetres());
            ps.setString(i++, p.folded());
            ps.setDouble(i++, config.duplicateSimilarity());
            ps.setString(i, p.folded());
            return first(ps);
        }
    }

    private static Optional<UUID> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }
}

package vn.friendlygov.feedback.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Looks for a likely duplicate of each new case shortly after intake, so that the citizen's request never waits on a
 * similarity search. The cases to check wait in the {@code duplicate_check} queue (written with the case); a sweep
 * takes up to {@value #BATCH} of them with SKIP LOCKED (replicas share the work), deletes them and records the
 * suggestions it found, all in one transaction: a sweep that fails leaves its cases queued.
 */
@ApplicationScoped
public class DuplicateSweep {

    static final int BATCH = 100;

    private static final String TAKE = "delete from duplicate_check where (queued_at, feedback_id) in"
            + " (select queued_at, feedback_id from duplicate_check order by queued_at limit " + BATCH
            + " for update skip locked) returning feedback_id";
    private static final String PROBES = "select id, ward, citizen_phone, category, received_at, content_folded,"
            + " latitude, longitude, text_bands from feedback where id = any(?)";
    private static final String MISSING = "select id, ward, content_folded from feedback where text_bands is null"
            + " order by received_at limit " + BATCH + " for update skip locked";

    private final AgroalDataSource dataSource;
    private final DuplicateFinder finder;

    public DuplicateSweep(AgroalDataSource dataSource, DuplicateFinder finder) {
        this.dataSource = dataSource;
        this.finder = finder;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.duplicate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (fileMissingBands() == BATCH) {
            // cases stored before their text had band keys (migration V8): filed before they are searched
        }
        while (sweep() == BATCH) {
            // a backlog: keep going until it is cleared
        }
    }

    /** @return how many cases were checked */
    public int sweep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<UUID> ids = new ArrayList<>(BATCH);
                try (PreparedStatement ps = c.prepareStatement(TAKE); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                if (ids.isEmpty()) {
                    return 0;
                }
                List<DuplicateFinder.Probe> probes = probes(c, ids);
                // a native update: the case's version is not bumped, so an officer working on it is not refused
                try (PreparedStatement update = c.prepareStatement(
                        "update feedback set suggested_duplicate = ? where id = ?")) {
                    for (DuplicateFinder.Probe p : probes) {
                        Optional<UUID> found = finder.likelyDuplicateOf(c, p);
                        if (found.isPresent()) {
                            update.setObject(1, found.get());
                            update.setObject(2, p.id());
                            update.addBatch();
                        }
                    }
                    update.executeBatch();
                }
                return ids.size();
            }
        });
    }

    /** Files up to a batch of cases that have no band keys yet; @return how many. */
    int fileMissingBands() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement(MISSING);
                    PreparedStatement update = c.prepareStatement("update feedback set text_bands = ? where id = ?")) {
                int n = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        update.setArray(1, bandArray(c, TextBands.of(rs.getString(2), rs.getString(3))));
                        update.setObject(2, rs.getObject(1, UUID.class));
                        update.addBatch();
                        n++;
                    }
                }
                update.executeBatch();
                return n;
            }
        });
    }

    /** The band keys of a case as a {@code bigint[]} parameter. */
    static Array bandArray(Connection c, long[] bands) throws SQLException {
        Long[] boxed = new Long[bands.length];
        for (int i = 0; i < bands.length; i++) {
            boxed[i] = bands[i];
        }
        return c.createArrayOf("bigint", boxed);
    }

    private static List<DuplicateFinder.Probe> probes(Connection c, List<UUID> ids) throws SQLException {
        List<DuplicateFinder.Probe> probes = new ArrayList<>(ids.size());
        try (PreparedStatement ps = c.prepareStatement(PROBES)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array bands = rs.getArray(9);
                    probes.add(new DuplicateFinder.Probe(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
                            rs.getString(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
                            bands == null ? null : unbox((Long[]) bands.getArray())));
                }
            }
        }
        return probes;
    }

    private static long[] unbox(Long[] boxed) {
        long[] bands = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            bands[i] = boxed[i];
        }
        return bands;
    }
}

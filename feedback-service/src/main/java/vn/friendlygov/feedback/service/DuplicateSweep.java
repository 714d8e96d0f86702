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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.feedback.config.FeedbackConfig;

/**
 * Looks for a likely duplicate of each new case shortly after intake, so that the citizen's request never waits on a
 * similarity search, at a bounded rate (one batch per round), so that the search never takes the CPU of intake; while
 * intake is busy ({@link Pacing}) it runs even less often. The cases to check wait in the {@code duplicate_check}
 * queue (written with the case); a sweep takes up to {@value #BATCH} of them with SKIP LOCKED (replicas share the
 * work), deletes them and records the suggestions it found, all in one transaction: a sweep that fails leaves its
 * cases queued.
 */
@ApplicationScoped
public class DuplicateSweep {

    static final int BATCH = 100;

    private static final String MISSING = "select id, ward, content_folded from feedback where text_bands is null"
            + " order by received_at limit " + BATCH + " for update skip locked";

    private final AgroalDataSource dataSource;
    private final DuplicateFinder finder;
    private final IntakeBatcher intake;
    private final Pacing pacing;

    public DuplicateSweep(AgroalDataSource dataSource, DuplicateFinder finder, IntakeBatcher intake,
            FeedbackConfig config) {
        this.dataSource = dataSource;
        this.finder = finder;
        this.intake = intake;
        this.pacing = new Pacing(config.duplicateYieldAbove(), config.duplicateMaxPause());
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.duplicate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!pacing.runNow(intake.submitted(), System.nanoTime())) {
            return;
        }
        while (fileMissingBands() == BATCH) {
            // cases stored before their text had band keys (migration V8): filed before they are searched
        }
        // One batch per round, not "until the queue is empty": the suggestions are deferred work, and under a burst
        // of intake a sweep that kept going took the CPU the citizens' requests were waiting for. Each replica
        // checks up to BATCH cases per feedback.duplicate-every (400 a second at 250 ms); a backlog left by a burst
        // is cleared after it.
        sweep();
    }

    /** @return how many cases were checked */
    public int sweep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<DuplicateFinder.Checked> checked = finder.checkQueued(c, BATCH);
                // a native update: the case's version is not bumped, so an officer working on it is not refused
                try (PreparedStatement update = c.prepareStatement(
                        "update feedback set suggested_duplicate = ? where id = ?")) {
                    for (DuplicateFinder.Checked found : checked) {
                        if (found.likelyDuplicate() != null) {
                            update.setObject(1, found.likelyDuplicate());
                            update.setObject(2, found.id());
                            update.addBatch();
                        }
                    }
                    update.executeBatch();
                }
                return checked.size();
            }
        });
    }

    /** Files up to a batch of cases that have no band keys yet; @return how many. */
    int fileMissingBands() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement(MISSING);
                    PreparedStatement update = c.prepareStatement("update feedback set text_bands = ? where id = ?")) {
                List<UUID> filed = new ArrayList<>(BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        update.setArray(1, bandArray(c, TextBands.of(rs.getString(2), rs.getString(3))));
                        update.setObject(2, id);
                        update.addBatch();
                        filed.add(id);
                    }
                }
                if (!filed.isEmpty()) {
                    // runs every round, almost always with nothing to file: no statements then
                    update.executeBatch();
                    // a case already checked is not taken by a sweep again: filed here
                    DuplicateFinder.file(c, c.createArrayOf("uuid", filed.toArray()));
                }
                return filed.size();
            }
        });
    }

    /**
     * Whether a round runs now. Suggestions are an aid to staff and can wait; a citizen's request should not. While
     * this replica's intake runs above {@code busyPerSecond} (measured between rounds), a round runs only when
     * {@code maxPause} has passed since the last one: under a sustained burst the sweep goes on slowly (100 cases
     * per pause) and clears its backlog at full pace once the burst is over.
     */
    static final class Pacing {

        private final double busyPerSecond;
        private final long maxPauseNanos;
        private boolean started;
        private long lastCount;
        private long lastAt;
        private long lastRun;

        Pacing(double busyPerSecond, Duration maxPause) {
            this.busyPerSecond = busyPerSecond;
            this.maxPauseNanos = maxPause.toNanos();
        }

        /** @param submitted the intake's running count; @param now {@link System#nanoTime()} */
        synchronized boolean runNow(long submitted, long now) {
            boolean busy = started && now > lastAt
                    && (submitted - lastCount) * 1e9 / (now - lastAt) > busyPerSecond;
            lastCount = submitted;
            lastAt = now;
            if (busy && now - lastRun < maxPauseNanos) {
                return false;
            }
            started = true;
            lastRun = now;
            return true;
        }
    }

    /** The band keys of a case as a {@code bigint[]} parameter. */
    static Array bandArray(Connection c, long[] bands) throws SQLException {
        Long[] boxed = new Long[bands.length];
        for (int i = 0; i < bands.length; i++) {
            boxed[i] = bands[i];
        }
        return c.createArrayOf("bigint", boxed);
    }
}

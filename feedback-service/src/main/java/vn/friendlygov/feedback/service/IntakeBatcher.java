package vn.friendlygov.feedback.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.config.FeedbackConfig;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * Group commit for the public doors (citizen API, Open311). A request thread validates and routes its case
 * ({@link IntakeService#prepare}), hands it here and waits; a writer takes every case waiting at that moment and
 * stores them all (idempotency claims, cases, audit rows, outbox events) in ONE transaction, then answers each
 * request. So one commit (one WAL flush) serves many submissions, and a request is answered only after its case
 * committed: nothing acknowledged is lost. When a batch fails (a tracking-code collision, a bad row), its cases are
 * written again one per transaction, each with a fresh tracking code, so one bad case never fails the others.
 */
@ApplicationScoped
public class IntakeBatcher {

    private static final Logger LOG = Logger.getLogger(IntakeBatcher.class);
    private static final int ATTEMPTS_ALONE = 3;

    /** The answer a door gives: its own receipt, the stored one when the Idempotency-Key was used before. */
    public record Accepted<T>(T answer, boolean replayed) {
    }

    private record Pending(Feedback prepared, Idempotency.Claim claim, Function<Feedback, Object> answerOf,
            CompletableFuture<Object> done, long queuedAt) {
    }

    /** Marks a submission whose Idempotency-Key was already taken. */
    private static final Object REPLAY = new Object();

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong submitted = new AtomicLong();
    private final IntakeService intake;
    private final Idempotency idempotency;
    private final FeedbackConfig config;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    public IntakeBatcher(IntakeService intake, Idempotency idempotency, FeedbackConfig config) {
        this.intake = intake;
        this.idempotency = idempotency;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < config.intakeWriters(); i++) {
            Thread t = new Thread(this::writeLoop, "intake-writer-" + i);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
    }

    /** Stops taking submissions and lets the writers store what is queued before the application stops. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread t : writers) {
            t.join(config.intakeTimeout().toMillis());
        }
    }

    /**
     * Stores a prepared case (claiming {@code claim} when not null) and returns the door's answer after the commit.
     * {@code answerOf} makes the answer from the stored case; it is kept with the claim for replays.
     */
    public <T> Accepted<T> submit(Feedback prepared, Idempotency.Claim claim, Function<Feedback, T> answerOf,
            Class<T> answerType) {
        if (!running) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the service is stopping; try again");
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        submitted.incrementAndGet();
        queue.add(new Pending(prepared, claim, answerOf::apply, done, System.nanoTime()));
        Object result;
        try {
            result = done.get(config.intakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the case may still commit: a client retrying with its Idempotency-Key gets that case, not a second one
            throw new ProblemException(ProblemType.UNAVAILABLE, "the submission was not confirmed in time; retry"
                    + " with the same Idempotency-Key to be sure it is stored once");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (result == REPLAY) {
            return new Accepted<>(idempotency.replay(claim, answerType), true);
        }
        return new Accepted<>(answerType.cast(result), false);
    }

    /** Submissions handed to this replica's writers since it started (a measure of how busy intake is). */
    public long submitted() {
        return submitted.get();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        IntakeTimings timings = new IntakeTimings(Thread.currentThread().getName());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.intakeMaxBatch() - 1);
                write(batch, timings);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // the writer goes on: a thread that died would leave later submissions waiting for their timeout
                LOG.error("intake writer failed; its submissions were answered with an error", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch, IntakeTimings timings) {
        List<Feedback> cases = new ArrayList<>(batch.size());
        batch.forEach(p -> cases.add(p.prepared()));
        List<Object> results;
        long started = System.nanoTime();
        long[] stored = new long[1];
        try {
            results = QuarkusTransaction.requiringNew().call(() -> {
                List<Object> r = store(batch, cases);
                // the inserts go now rather than at commit, so that the timings tell writing from committing apart
                Feedback.flush();
                stored[0] = System.nanoTime();
                return r;
            });
            if (timings.enabled()) {
                timings.batch(batch.size(), batch.get(0).queuedAt(), started, stored[0], System.nanoTime());
            }
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d submissions failed (%s); writing them one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                writeAlone(p);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    /** After a failed batch: this submission in its own transaction, with a fresh tracking code per attempt. */
    private void writeAlone(Pending p) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS_ALONE; attempt++) {
            Feedback f = intake.retryCopy(p.prepared());
            try {
                Object result = QuarkusTransaction.requiringNew().call(() -> store(List.of(p), List.of(f)).get(0));
                p.done().complete(result);
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.errorf("a submission could not be stored after %d attempts: %s", ATTEMPTS_ALONE, last.toString());
        p.done().completeExceptionally(last);
    }

    /**
     * In the running transaction: the claims and the cases whose claim was free, in one statement. A key used twice
     * in one batch is claimed by its first submission; the later ones replay its answer. One result per submission.
     */
    private List<Object> store(List<Pending> batch, List<Feedback> cases) {
        List<Idempotency.Claim> claims = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Feedback> toStore = new ArrayList<>(batch.size());
        List<Idempotency.Claim> toStoreClaims = new ArrayList<>(batch.size());
        Set<List<String>> seen = new HashSet<>();
        boolean[] repeated = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Idempotency.Claim c = batch.get(i).claim();
            if (c != null && !seen.add(List.of(c.scope(), c.key()))) {
                repeated[i] = true;
                continue;
            }
            if (c != null) {
                claims.add(c);
                answers.add(idempotency.json(batch.get(i).answerOf().apply(cases.get(i))));
            }
            toStore.add(cases.get(i));
            toStoreClaims.add(c);
        }
        Set<List<String>> won = intake.storeAll(toStore, toStoreClaims, claims, answers);
        List<Object> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Idempotency.Claim c = p.claim();
            if (repeated[i] || c != null && !won.contains(List.of(c.scope(), c.key()))) {
                results.add(REPLAY);
            } else {
                results.add(p.answerOf().apply(cases.get(i)));
            }
        }
        return results;
    }
}
